package org.lurewatch.cli;

import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.lurewatch.assess.lexicon.LexiconException;
import org.lurewatch.assess.model.ModelLoadException;

/**
 * How {@code score}, {@code train} and {@code eval} answer a bad model, lexicon or data file: one line on standard
 * error and an exit code (1 for a bad model or lexicon, 2 for bad input), never a stack trace.
 */
final class AssessErrors {
    private AssessErrors() {
    }

    static Integer run(Supplier<Integer> command) {
        try {
            return command.get();
        } catch (ModelLoadException | LexiconException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}
