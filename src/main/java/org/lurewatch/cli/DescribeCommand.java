package org.lurewatch.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lurewatch.alert.RoutesLoader;
import org.lurewatch.app.TopologyDescriptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Write each topology's description to topology/<name>.txt (a test keeps them current).")
final class DescribeCommand implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "topology", description = "Where to write (default: ${DEFAULT-VALUE}).")
    Path directory;

    @Option(names = "--print", description = "Print to standard output instead of writing files.")
    boolean print;

    @Override
    public Integer call() {
        Map<String, String> files = TopologyDescriptions.render(TopologyDescriptions.topology(RoutesLoader.loadBundled()));
        if (print) {
            files.forEach((name, text) -> System.out.println("== " + name + "\n" + text));
        } else {
            TopologyDescriptions.write(files, directory);
            files.keySet().forEach(name -> System.out.println("wrote " + directory.resolve(name)));
        }
        return 0;
    }
}
