package org.lurewatch.access;

import java.util.Arrays;
import java.util.Objects;

/**
 * A one-time password just set on an account: shown to the operator once, never stored in clear. {@link #clear()}
 * overwrites it once printed.
 */
public final class NewPassword {
    private final AnalystAccount account;
    private final char[] password;

    NewPassword(AnalystAccount account, char[] password) {
        this.account = Objects.requireNonNull(account, "account");
        this.password = password.clone();
    }

    public AnalystAccount account() {
        return account;
    }

    public char[] password() {
        return password.clone();
    }

    public void clear() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "NewPassword[" + account.username() + "]";
    }
}
