package org.dreamdiary.application.service.user;

import org.dreamdiary.application.port.in.user.DeleteAccount;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.out.Transactions;
import org.dreamdiary.application.port.out.user.Users;

public final class DeleteAccountService implements DeleteAccount {
    private final Users users;
    private final Transactions transactions;

    public DeleteAccountService(Users users, Transactions transactions) {
        this.users = users;
        this.transactions = transactions;
    }

    @Override
    public void delete(Principal caller) {
        // The storage cascades to sessions, tokens and, as they arrive, everything else the user owns.
        transactions.inTransaction(() -> {
            users.delete(caller.user());
            return null;
        });
    }
}
