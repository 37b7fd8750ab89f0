package org.safeguarding.exchange.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The gate fed deliberately broken versions of ShareDecision: each break must name the record and the field. */
class CompatibilityGateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RELEASED = Path.of("history/ShareDecision/v1.avsc");

    private static Map<String, Schema> released() {
        return CompatibilityGate.readHistory(RELEASED.getParent());
    }

    @Test
    void theReleasedSchemaReadsItself() throws IOException {
        assertThat(CompatibilityGate.check(changed(json -> { }), released())).isEmpty();
    }

    @Test
    void aNewFieldWithoutADefaultIsNamed() throws IOException {
        Schema current = changed(json -> fields(json).addObject().put("name", "reviewedBy").put("type", "string"));

        assertThat(messages(current)).singleElement().asString()
                .startsWith("ShareDecision.reviewedBy: new field without a default")
                .contains("cannot read data written with ShareDecision/v1.avsc")
                .contains("(Avro location /fields/22)");
    }

    @Test
    void aNewFieldWithADefaultIsAllowed() throws IOException {
        Schema current = changed(json -> fields(json).addObject().put("name", "reviewedBy")
                .<ObjectNode>set("type", JSON.createArrayNode().add("null").add("string")).putNull("default"));

        assertThat(messages(current)).isEmpty();
    }

    @Test
    void aNewFieldWithoutADefaultInANestedRecordIsNamedByItsPath() throws IOException {
        Schema current = changed(json -> fields(field(json, "consent", "type"))
                .addObject().put("name", "recordedWith").put("type", "string"));

        assertThat(messages(current)).singleElement().asString()
                .startsWith("ShareDecision.consent.recordedWith: new field without a default");
    }

    @Test
    void aRemovedEnumSymbolIsNamed() throws IOException {
        Schema current = changed(json -> removeSymbol(field(field(json, "consent", "type"), "status", "type"), "WITHDRAWN"));

        assertThat(messages(current)).singleElement().asString()
                .startsWith("ShareDecision.consent.status: enum symbol removed [WITHDRAWN]")
                .contains("/fields/8/type/fields/0/type/symbols");
    }

    @Test
    void aRemovedEnumSymbolInsideAnArrayOfRecordsIsNamed() throws IOException {
        ObjectNode[] kind = new ObjectNode[1];
        Schema current = changed(json -> {
            ObjectNode item = field(json, "informationShared", "type");
            kind[0] = field((ObjectNode) item.get("items"), "kind", "type");
            removeSymbol(kind[0], "JUDGEMENT");
        });

        assertThat(messages(current)).singleElement().asString()
                .startsWith("ShareDecision.informationShared[].kind: enum symbol removed [JUDGEMENT]");
    }

    @Test
    void aBreakInsideANullableRecordIsNamedThroughTheUnion() throws IOException {
        Schema current = changed(json -> {
            ArrayNode union = (ArrayNode) fieldNode(json, "requesterIdentityCheck").get("type");
            removeSymbol(field((ObjectNode) union.get(1), "outcome", "type"), "NOT_CONFIRMED");
        });

        assertThat(messages(current)).singleElement().asString()
                .startsWith("ShareDecision.requesterIdentityCheck.outcome: enum symbol removed [NOT_CONFIRMED]");
    }

    @Test
    void aChangedTypeIsNamed() throws IOException {
        Schema current = changed(json -> fieldNode(json, "subjectInformed").put("type", "string"));

        assertThat(messages(current)).singleElement().asString()
                .startsWith("ShareDecision.subjectInformed: type changed (reader type: STRING not compatible with writer type: BOOLEAN)");
    }

    @Test
    void aChangedTypeDeepInsideIsNamed() throws IOException {
        Schema current = changed(json -> fieldNode(field(json, "recordedBy", "type"), "recordedAt").put("type", "int"));

        assertThat(messages(current)).singleElement().asString()
                .startsWith("ShareDecision.recordedBy.recordedAt: type changed");
    }

    @Test
    void everyBreakAgainstEveryVersionIsReported() throws IOException {
        Schema current = changed(json -> {
            fieldNode(json, "subjectInformed").put("type", "string");
            fields(json).addObject().put("name", "reviewedBy").put("type", "string");
        });
        Map<String, Schema> twoVersions = new java.util.LinkedHashMap<>(released());
        twoVersions.put("ShareDecision/v2.avsc", released().values().iterator().next());

        List<CompatibilityGate.Break> breaks = CompatibilityGate.check(current, twoVersions);

        assertThat(breaks).extracting(CompatibilityGate.Break::version, CompatibilityGate.Break::field)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("ShareDecision/v1.avsc", "ShareDecision.subjectInformed"),
                        org.assertj.core.groups.Tuple.tuple("ShareDecision/v1.avsc", "ShareDecision.reviewedBy"),
                        org.assertj.core.groups.Tuple.tuple("ShareDecision/v2.avsc", "ShareDecision.subjectInformed"),
                        org.assertj.core.groups.Tuple.tuple("ShareDecision/v2.avsc", "ShareDecision.reviewedBy"));
    }

    private static List<String> messages(Schema current) {
        return CompatibilityGate.check(current, released()).stream().map(CompatibilityGate.Break::message).toList();
    }

    /** The released schema with one change applied to its JSON. */
    private static Schema changed(Consumer<ObjectNode> change) throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(RELEASED.toFile());
        change.accept(json);
        return new Schema.Parser().parse(JSON.writeValueAsString(json));
    }

    private static ArrayNode fields(ObjectNode record) {
        return (ArrayNode) record.get("fields");
    }

    private static ObjectNode fieldNode(ObjectNode record, String name) {
        for (var field : fields(record)) {
            if (field.get("name").asText().equals(name)) {
                return (ObjectNode) field;
            }
        }
        throw new IllegalArgumentException("No field " + name);
    }

    /** A field's inline type definition (the released schemas are fully expanded, so each named type is inline once). */
    private static ObjectNode field(ObjectNode record, String name, String property) {
        return (ObjectNode) fieldNode(record, name).get(property);
    }

    private static void removeSymbol(ObjectNode enumType, String symbol) {
        ArrayNode symbols = (ArrayNode) enumType.get("symbols");
        for (int i = 0; i < symbols.size(); i++) {
            if (symbols.get(i).asText().equals(symbol)) {
                symbols.remove(i);
                return;
            }
        }
        throw new IllegalArgumentException("No symbol " + symbol);
    }
}
