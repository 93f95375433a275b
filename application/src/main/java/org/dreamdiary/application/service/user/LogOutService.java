package org.dreamdiary.application.service.user;

import org.dreamdiary.application.port.in.user.LogOut;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.user.SessionEvents;
import org.dreamdiary.application.port.out.user.Sessions;
import org.dreamdiary.application.port.out.user.SessionsEnded;

public final class LogOutService implements LogOut {
    private final Sessions sessions;
    private final SessionEvents events;
    private final Transactions transactions;
    private final Clock clock;

    public LogOutService(Sessions sessions, SessionEvents events, Transactions transactions, Clock clock) {
        this.sessions = sessions;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void logOut(Principal caller) {
        transactions.inTransaction(() -> {
            sessions.revoke(caller.session(), clock.now());
            events.publish(SessionsEnded.one(caller.session()));
            return null;
        });
    }
}
