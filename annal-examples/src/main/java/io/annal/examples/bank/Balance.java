package io.annal.examples.bank;

/**
 * The balance read model, {@code GET /queries/balance/{accountId}}.
 *
 * @param status {@code open} or {@code closed}
 * @param version the account stream's version this reflects; -1 before the account is opened
 */
public record Balance(String accountId, String owner, long balance, String status, long version) {

    /** Before the first event: no account, which a query answers with 404. */
    public static Balance none() {
        return new Balance("", "", 0, "", -1);
    }

    public boolean exists() {
        return version >= 0;
    }
}
