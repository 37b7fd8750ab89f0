package org.safeguarding.exchange.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import exchange.v1.ShareRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.testing.SampleRecords;

class ContractJsonTest {

    private static final List<SpecificRecord> CONTRACT = List.of(SampleRecords.shareRequest(), SampleRecords.consentOutcome(),
            SampleRecords.shareDecision(), SampleRecords.hazardRaised(), SampleRecords.acceptedReceipt("M-1"));

    @Test
    void everyContractRecordReadsBackFromItsJsonForm() throws IOException {
        for (SpecificRecord record : CONTRACT) {
            GenericRecord read = ContractJson.read(ContractJson.of(record), record.getSchema());

            // Written as the exchange's serializer writes a generic record, read back as the generated class.
            assertThat(viaBytes(read, record)).as(record.getSchema().getName()).isEqualTo(record);
        }
    }

    @Test
    void timesAreIsoTextAndUnionsUnwrapped() {
        String json = ContractJson.of(SampleRecords.shareRequest());

        assertThat(json).contains("\"occurredAt\":\"2026-03-02T09:15:00Z\"").doesNotContain("{\"string\":");
    }

    @Test
    void aMisfitNamesItsField() {
        String json = ContractJson.of(SampleRecords.shareRequest()).replace("\"occurredAt\":\"2026-03-02T09:15:00Z\"",
                "\"occurredAt\":\"yesterday\"");

        assertThatThrownBy(() -> ContractJson.read(json, ShareRequest.getClassSchema()))
                .hasMessageContaining("ShareRequest.occurredAt must be an ISO-8601 instant");
        assertThatThrownBy(() -> ContractJson.read("{\"requestId\": ", ShareRequest.getClassSchema()))
                .hasMessageStartingWith("Not JSON");
        assertThatThrownBy(() -> ContractJson.read("{\"requestId\": \"R-1\"}", ShareRequest.getClassSchema()))
                .hasMessageContaining("is missing");
    }

    private static Object viaBytes(GenericRecord generic, SpecificRecord like) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(generic.getSchema(), GenericData.get()).write(generic, encoder);
        encoder.flush();
        SpecificDatumReader<Object> reader = new SpecificDatumReader<>(like.getSchema(), like.getSchema(),
                SpecificData.getForClass(like.getClass()));
        reader.getTrustedPackages().add(like.getClass().getPackageName());
        return reader.read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }
}
