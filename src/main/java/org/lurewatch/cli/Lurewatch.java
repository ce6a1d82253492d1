package org.lurewatch.cli;

import org.lurewatch.access.AccessException;
import org.lurewatch.access.AccessStoreException;
import org.lurewatch.alert.RoutesException;
import org.lurewatch.config.ConfigException;
import org.lurewatch.kafka.KafkaBrokerException;
import org.lurewatch.kafka.KafkaUnavailableException;
import org.lurewatch.web.WebBindException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lurewatch} command line: {@code java -jar target/lurewatch.jar <command>}. */
@Command(name = "lurewatch", mixinStandardHelpOptions = true, version = "lurewatch 0.1.0",
        description = "Finds fake-job lures recruiting people into scam compounds and alerts hotlines and platforms.",
        subcommands = {DemoCommand.class, RunCommand.class, ScoreCommand.class, TrainCommand.class, EvalCommand.class,
                TopicsCommand.class, DescribeCommand.class, BenchCommand.class, AccountsCommand.class,
                ApiKeysCommand.class, ModelsCommand.class, FeedbackCommand.class, AclsCommand.class, KafkaUsersCommand.class,
                WebhooksCommand.class})
public final class Lurewatch implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with our error handling: a bad setting or input prints one clear line, not a stack trace. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Lurewatch());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof ConfigException || exception instanceof RoutesException
                    || exception instanceof UserFacingException || exception instanceof WebBindException
                    || exception instanceof AccessException) {
                cmd.getErr().println(prefix(cmd) + exception.getMessage());
                return 2;
            }
            if (exception instanceof AccessStoreException || exception instanceof KafkaUnavailableException
                    || exception instanceof KafkaBrokerException) {
                cmd.getErr().println(prefix(cmd) + exception.getMessage());
                return 1;
            }
            if (exception instanceof org.apache.kafka.common.KafkaException) {
                // An admin call the cluster refused (a missing right, a topic it will not create): one line, not a trace.
                cmd.getErr().println(prefix(cmd) + "Kafka: " + exception.getMessage());
                return 1;
            }
            throw exception;
        });
        return commandLine;
    }

    /** {@code lurewatch accounts add: }: the full command path, so a line names the command it came from. */
    private static String prefix(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName(" ") + ": ";
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
