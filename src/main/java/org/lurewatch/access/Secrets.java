package org.lurewatch.access;

import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets: one-time passwords, API keys, session ids, CSRF tokens. All from one {@link SecureRandom}. */
public final class Secrets {
    /** No 0/O, 1/l/I: a one-time password is read off a screen and typed. 54 symbols, ~5.75 bits each. */
    private static final char[] PASSWORD_ALPHABET =
            "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    /** Lower-case letters and digits for public key ids: 36 symbols. */
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    public static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** {@code bytes} random bytes as unpadded base64url: 32 bytes give a 43-character, 256-bit token. */
    public static String token(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    /** A one-time password of 20 characters (over 110 bits), printed once and stored only as a hash. */
    public static char[] oneTimePassword() {
        return randomChars(PASSWORD_ALPHABET, 20);
    }

    /** A public identifier: {@code length} lower-case letters and digits. */
    public static String publicId(int length) {
        return new String(randomChars(ID_ALPHABET, length));
    }

    private static char[] randomChars(char[] alphabet, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet[RANDOM.nextInt(alphabet.length)];
        }
        return chars;
    }
}
