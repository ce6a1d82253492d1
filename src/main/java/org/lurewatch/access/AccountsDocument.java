package org.lurewatch.access;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The content of {@code accounts.json}: {@code {"format": "lurewatch-accounts", "version": 1, "accounts": [...]}}. */
record AccountsDocument(String format, int version, List<AnalystAccount> accounts) {
    static final String FORMAT = "lurewatch-accounts";

    AccountsDocument {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("'format' must be \"" + FORMAT + "\", was " + quoted(format));
        }
        if (version != 1) {
            throw new IllegalArgumentException("'version' " + version + " is not supported, expected 1");
        }
        accounts = List.copyOf(Objects.requireNonNull(accounts, "accounts"));
        Set<String> seen = new HashSet<>();
        for (AnalystAccount account : accounts) {
            if (!seen.add(account.username())) {
                throw new IllegalArgumentException("username '" + account.username() + "' appears twice");
            }
        }
    }

    static AccountsDocument empty() {
        return new AccountsDocument(FORMAT, 1, List.of());
    }

    static String quoted(String value) {
        return value == null ? "missing" : "\"" + value + "\"";
    }
}
