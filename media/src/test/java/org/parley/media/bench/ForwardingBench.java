package org.parley.media.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jitsi.srtp.crypto.JitsiOpenSslProvider;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ForwardingBenchmark} with JMH's GC profiler and prints a Markdown table and the
 * Parley/reference ratio. The machine is a noisy 2-vCPU VM whose speed drifts by tens of percent
 * over minutes, so the two paths are run alternately, per profile, for a number of rounds (each
 * run its own JVM): Parley, reference, Parley, reference... and the ratio is taken both per
 * round and over the means.
 *
 * <p>Arguments: {@code --rounds N} (default 3), then JMH's own options, which win over the
 * annotations' defaults: {@code -wi 3 -i 10 -r 5} for longer runs, {@code -p profile=AEAD_AES_128_GCM}
 * for one profile, {@code -prof stack} to see where the time goes. Run by {@code bin/parley bench}.
 */
public final class ForwardingBench {

    /** The target: Parley forwards at least half as fast as the bare reference. */
    static final double TARGET_RATIO = 0.5;
    static final List<String> PATHS = List.of("parley", "reference");

    private ForwardingBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 3;
        List<String> jmhArgs = new ArrayList<>(Arrays.asList(args));
        int at = jmhArgs.indexOf("--rounds");
        if (at >= 0) {
            if (at + 1 >= jmhArgs.size()) {
                throw new IllegalArgumentException("--rounds needs a number");
            }
            rounds = Integer.parseInt(jmhArgs.remove(at + 1));
            jmhArgs.remove(at);
        }
        CommandLineOptions cli = new CommandLineOptions(jmhArgs.toArray(new String[0]));
        if (cli.shouldHelp()) {
            System.out.println("Usage: bin/parley bench [--rounds N] [JMH options]");
            cli.showHelp();
            return;
        }
        if (!cli.getIncludes().isEmpty()) {
            throw new IllegalArgumentException("this runner chooses the benchmarks itself;"
                    + " use -p profile=... to narrow, or run JMH's Main for anything else");
        }
        List<String> profiles = cli.getParameter("profile").hasValue()
                ? new ArrayList<>(cli.getParameter("profile").get())
                : Arrays.asList(ForwardingBenchmark.class.getField("profile").getAnnotation(Param.class).value());
        boolean gcGiven = cli.getProfilers().stream().anyMatch(p -> p.getKlass().equals("gc")
                || p.getKlass().equals(GCProfiler.class.getName()));

        List<Run> runs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (String profile : profiles) {
                for (String path : PATHS) {
                    ChainedOptionsBuilder options = new OptionsBuilder().parent(cli)
                            .include(ForwardingBenchmark.class.getName() + "\\." + path + "$")
                            .param("profile", profile);
                    if (!gcGiven) {
                        options.addProfiler(GCProfiler.class);
                    }
                    for (RunResult result : new Runner(options.build()).run()) {
                        runs.add(new Run(round, profile, path, result));
                    }
                }
            }
        }
        System.out.println();
        System.out.println(report(runs, profiles, rounds));
    }

    record Run(int round, String profile, String path, RunResult result) {
        double opsPerSecond() {
            return result.getPrimaryResult().getScore();
        }

        double secondary(String name) {
            Result<?> r = result.getSecondaryResults().get(name);
            return r == null ? Double.NaN : r.getScore();
        }
    }

    static String report(List<Run> runs, List<String> profiles, int rounds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Forwarding 1 publisher -> %d subscribers, %d-byte VP8 RTP packets;"
                        + " %d cores, %s %s; browsers: jitsi-srtp on %s AES; %d round(s)%n%n",
                ForwardingBenchmark.SUBSCRIBERS, PacketRing.RTP_LENGTH,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), JitsiOpenSslProvider.isLoaded() ? "OpenSSL" : "SunJCE",
                rounds));
        out.append("| profile | round | path | packets in/s (ops/s ± 99.9% CI) | forwarded packets/s per core"
                + " | gc.alloc.rate.norm B/op (all threads) | B/op, benchmark thread | datagrams delivered |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (String profile : profiles) {
            for (Run run : runs) {
                if (!run.profile().equals(profile)) {
                    continue;
                }
                Result<?> primary = run.result().getPrimaryResult();
                out.append(String.format(Locale.ROOT, "| %s | %d | %s | %,.0f ± %,.0f | %,.0f | %.1f | %.1f | %.2f%% |%n",
                        profile, run.round(), run.path(), primary.getScore(), primary.getScoreError(),
                        primary.getScore() * ForwardingBenchmark.SUBSCRIBERS,
                        run.secondary("gc.alloc.rate.norm"),
                        run.secondary("benchThreadBytes") / run.secondary("packetsIn"),
                        100.0 * run.secondary("datagramsDelivered") / run.secondary("datagramsOut")));
            }
        }
        out.append('\n');
        out.append("| profile | Parley forwarded/s per core (mean) | reference forwarded/s per core (mean)"
                + " | ratio per round | ratio of the means |\n");
        out.append("|---|---|---|---|---|\n");
        List<String> verdicts = new ArrayList<>();
        for (String profile : profiles) {
            Map<Integer, double[]> byRound = new LinkedHashMap<>();
            double[] sum = new double[2];
            int[] count = new int[2];
            for (Run run : runs) {
                if (run.profile().equals(profile)) {
                    int i = PATHS.indexOf(run.path());
                    byRound.computeIfAbsent(run.round(), r -> new double[] {Double.NaN, Double.NaN})[i] = run.opsPerSecond();
                    sum[i] += run.opsPerSecond();
                    count[i]++;
                }
            }
            List<String> perRound = new ArrayList<>();
            byRound.values().forEach(s -> perRound.add(String.format(Locale.ROOT, "%.2f", s[0] / s[1])));
            double parley = sum[0] / count[0];
            double reference = sum[1] / count[1];
            double ratio = parley / reference;
            out.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %s | **%.2f** |%n", profile,
                    parley * ForwardingBenchmark.SUBSCRIBERS, reference * ForwardingBenchmark.SUBSCRIBERS,
                    String.join(", ", perRound), ratio));
            verdicts.add(String.format(Locale.ROOT, "Ratio Parley/reference, %s: %.2f (target >= %.1f: %s)",
                    profile, ratio, TARGET_RATIO, ratio >= TARGET_RATIO ? "met" : "NOT met"));
        }
        out.append('\n');
        verdicts.forEach(v -> out.append(v).append('\n'));
        return out.toString();
    }
}
