package org.lurewatch.ingest;

import java.util.Objects;

/** A value that a step produced, or the dead letter it produced instead. Lets a stream split into values and errors. */
public sealed interface Outcome<T> {

    static <T> Outcome<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Outcome<T> failed(DeadLetter letter) {
        return new Failed<>(letter);
    }

    record Ok<T>(T value) implements Outcome<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    record Failed<T>(DeadLetter letter) implements Outcome<T> {
        public Failed {
            Objects.requireNonNull(letter, "letter");
        }
    }
}
