package org.dreamdiary.application.service.user;

import org.dreamdiary.application.port.in.user.LogOut;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.user.Sessions;

public final class LogOutService implements LogOut {
    private final Sessions sessions;
    private final Transactions transactions;
    private final Clock clock;

    public LogOutService(Sessions sessions, Transactions transactions, Clock clock) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void logOut(Principal caller) {
        transactions.inTransaction(() -> {
            sessions.revoke(caller.session(), clock.now());
            return null;
        });
    }
}
