package org.lurewatch.assess.lexicon;

/** A lexicon or gazetteer file that cannot be used, with the file, line and key that are wrong. */
public final class LexiconException extends RuntimeException {
    private final String file;
    private final int line;
    private final String key;

    public LexiconException(String file, int line, String key, String problem) {
        super(file + (line > 0 ? ":" + line : "") + (key == null || key.isEmpty() ? "" : ": " + key) + ": " + problem);
        this.file = file;
        this.line = line;
        this.key = key;
    }

    public LexiconException(String file, int line, String key, String problem, Throwable cause) {
        this(file, line, key, problem);
        initCause(cause);
    }

    public String file() {
        return file;
    }

    /** 1-based line, or 0 when not known. */
    public int line() {
        return line;
    }

    public String key() {
        return key;
    }
}
