package org.regolancer.orchestrator.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** What the command line asks for: the command and its options. */
record CommandLine(Verb command, String profile, Path envFile, LocalDate date, Path chart, boolean telegramTest) {

    /** What the daemon's jar is asked to do: run (no command word), {@code report}, {@code check}, or print its usage. */
    enum Verb { RUN, REPORT, CHECK, HELP }

    static final String USAGE = "usage: regolancer-orchestrator [--profile demo] [--env-file FILE]\n"
            + "       regolancer-orchestrator report [--date YYYY-MM-DD] [--chart FILE] [--profile demo] [--env-file FILE]\n"
            + "       regolancer-orchestrator check [--telegram-test] [--profile demo] [--env-file FILE]\n"
            + "(bin/regolancer-orchestrator, or java -jar regolancer-orchestrator.jar)";

    /** @throws IllegalArgumentException with the message to print (usage included) */
    static CommandLine parse(String... args) {
        Verb command = Verb.RUN;
        String profile = null;
        Path envFile = null;
        LocalDate date = null;
        Path chart = null;
        boolean telegramTest = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--profile") || arg.equals("-profile")) && i + 1 < args.length) {
                profile = args[++i];
            } else if (arg.startsWith("--profile=")) {
                profile = arg.substring("--profile=".length());
            } else if (arg.equals("--env-file") && i + 1 < args.length) {
                envFile = callerPath(args[++i]);
            } else if ((arg.equals("report") || arg.equals("check")) && i == 0) {
                command = arg.equals("report") ? Verb.REPORT : Verb.CHECK;
            } else if (command == Verb.REPORT && arg.equals("--date") && i + 1 < args.length) {
                try {
                    date = LocalDate.parse(args[++i]);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("--date " + args[i] + " is invalid; accepted: YYYY-MM-DD");
                }
            } else if (command == Verb.REPORT && arg.equals("--chart") && i + 1 < args.length) {
                chart = callerPath(args[++i]);
            } else if (command == Verb.CHECK && arg.equals("--telegram-test")) {
                telegramTest = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                return new CommandLine(Verb.HELP, profile, envFile, date, chart, telegramTest);
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; " + USAGE);
            }
        }
        return new CommandLine(command, profile, envFile, date, chart, telegramTest);
    }

    /** A path from the command line: relative to where the launcher was called (it changes to its install folder). */
    static Path callerPath(String path) {
        String caller = System.getenv("REGOLANCER_CALLER_DIR");
        return (caller == null || caller.isBlank() ? Path.of("") : Path.of(caller)).toAbsolutePath().resolve(path).normalize();
    }
}
