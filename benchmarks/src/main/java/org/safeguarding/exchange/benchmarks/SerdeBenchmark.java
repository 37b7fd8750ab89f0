package org.safeguarding.exchange.benchmarks;

import exchange.v1.ShareDecision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.safeguarding.exchange.serde.ExchangeAvroDeserializer;
import org.safeguarding.exchange.serde.ExchangeAvroSerializer;
import org.safeguarding.exchange.testing.SampleRecords;

/**
 * What the Confluent framing and the registry look-ups cost on top of Avro itself: a full sample ShareDecision
 * through the exchange's serializer and deserializer (specific reader, mock:// registry, caches warm) against plain
 * Avro SpecificDatumWriter/SpecificDatumReader with no framing, both reusing their encoders and decoders.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SerdeBenchmark -f 1 -wi 3 -i 5</pre>
 *
 * <p>Besides JMH's throughput, each measured iteration prints the benchmark thread's CPU time per operation
 * ("cpu-ns/op"): on a machine shared with other work, throughput also measures how much CPU the scheduler gave
 * the thread, while CPU time per operation measures the code.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
        "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=java.lang,java.math,java.io,java.net,org.apache.avro.reflect,exchange.v1"})
public class SerdeBenchmark {

    private static final String TOPIC = "exchange.share-decisions";

    private ShareDecision decision;
    private ExchangeAvroSerializer serializer;
    private ExchangeAvroDeserializer deserializer;
    private byte[] framed;

    private final SpecificDatumWriter<ShareDecision> plainWriter = new SpecificDatumWriter<>(ShareDecision.class);
    private final SpecificDatumReader<ShareDecision> plainReader = new SpecificDatumReader<>(ShareDecision.class);
    private final ByteArrayOutputStream plainOut = new ByteArrayOutputStream(1024);
    private BinaryEncoder plainEncoder;
    private BinaryDecoder plainDecoder;
    private byte[] plain;

    @Setup
    public void setUp() throws IOException {
        decision = SampleRecords.shareDecision();
        Map<String, Object> config = Map.of(
                "schema.registry.url", "mock://serde-benchmark",
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy",
                "specific.avro.reader", "true");
        serializer = new ExchangeAvroSerializer();
        serializer.configure(config, false);
        deserializer = new ExchangeAvroDeserializer();
        deserializer.configure(config, false);
        framed = serializer.serialize(TOPIC, decision);
        if (!decision.equals(deserializer.deserialize(TOPIC, framed))) {
            throw new IllegalStateException("The serde does not round-trip the sample");
        }
        plain = plainSerialize();
        if (!decision.equals(plainDeserialize(plain))) {
            throw new IllegalStateException("Plain Avro does not round-trip the sample");
        }
    }

    /** Counts operations and the benchmark thread's CPU time over one iteration. */
    @State(Scope.Thread)
    public static class CpuMeter {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        long operations;
        private long cpuAtStart;

        @Setup(Level.Iteration)
        public void start() {
            operations = 0;
            cpuAtStart = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void report(BenchmarkParams params) {
            long cpu = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
            System.out.printf("%s cpu-ns/op %.0f%n", params.getBenchmark().replaceAll(".*\\.", ""),
                    operations == 0 ? 0.0 : (double) cpu / operations);
        }
    }

    @Benchmark
    public Object exchangeSerdeRoundTrip(CpuMeter meter) {
        meter.operations++;
        return deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, decision));
    }

    @Benchmark
    public Object plainAvroRoundTrip(CpuMeter meter) throws IOException {
        meter.operations++;
        return plainDeserialize(plainSerialize());
    }

    @Benchmark
    public byte[] exchangeSerdeSerialize(CpuMeter meter) {
        meter.operations++;
        return serializer.serialize(TOPIC, decision);
    }

    @Benchmark
    public byte[] plainAvroSerialize(CpuMeter meter) throws IOException {
        meter.operations++;
        return plainSerialize();
    }

    @Benchmark
    public Object exchangeSerdeDeserialize(CpuMeter meter) {
        meter.operations++;
        return deserializer.deserialize(TOPIC, framed);
    }

    @Benchmark
    public Object plainAvroDeserialize(CpuMeter meter) throws IOException {
        meter.operations++;
        return plainDeserialize(plain);
    }

    private byte[] plainSerialize() throws IOException {
        plainOut.reset();
        plainEncoder = EncoderFactory.get().binaryEncoder(plainOut, plainEncoder);
        plainWriter.write(decision, plainEncoder);
        plainEncoder.flush();
        return plainOut.toByteArray();
    }

    private ShareDecision plainDeserialize(byte[] bytes) throws IOException {
        plainDecoder = DecoderFactory.get().binaryDecoder(bytes, plainDecoder);
        return plainReader.read(null, plainDecoder);
    }
}
