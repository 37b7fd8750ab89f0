package org.safeguarding.exchange.service.policy;

import java.util.Collection;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * Contract rule 1: every field the schema does not allow to be null is present, and every such string is not
 * blank, down through nested records and arrays. It walks the record's own schema, so a required field added to
 * the contract is covered without a change here. Optional (nullable) fields are checked inside when they are
 * present; whether they must be present is for the rule that needs them.
 */
final class RequiredFieldsPresent implements Rule<SpecificRecord> {

    static final String RULE_ID = "contract-1/required-field";

    @Override
    public void check(SpecificRecord message, Envelope envelope, Findings findings) {
        checkRecord(message, "", findings);
    }

    private void checkRecord(IndexedRecord record, String prefix, Findings findings) {
        for (Schema.Field field : record.getSchema().getFields()) {
            checkValue(field.schema(), record.get(field.pos()), prefix + field.name(), field.doc(), findings);
        }
    }

    private void checkValue(Schema schema, Object value, String path, String doc, Findings findings) {
        if (schema.getType() == Schema.Type.UNION && schema.isNullable()) {
            if (value != null) {
                checkPresentValue(presentBranch(schema, value), value, path, doc, findings);
            }
            return;
        }
        if (value == null || (schema.getType() == Schema.Type.STRING && value.toString().isBlank())) {
            findings.violation(path, RULE_ID, missing(path, doc));
            return;
        }
        checkPresentValue(schema, value, path, doc, findings);
    }

    private void checkPresentValue(Schema schema, Object value, String path, String doc, Findings findings) {
        switch (schema.getType()) {
            case RECORD -> checkRecord((IndexedRecord) value, path + ".", findings);
            case ARRAY -> {
                int index = 0;
                for (Object item : (Collection<?>) value) {
                    checkValue(schema.getElementType(), item, path + "[" + index++ + "]", doc, findings);
                }
            }
            default -> {
                // enums, numbers, booleans and timestamps need only be present, which the caller checked
            }
        }
    }

    /**
     * The branch of a nullable union that a present value takes. The usual {@code ["null", X]} needs no lookup;
     * that matters because a value with a logical type (an Instant) cannot be resolved without the generated
     * class's conversions.
     */
    private static Schema presentBranch(Schema union, Object value) {
        List<Schema> present = union.getTypes().stream().filter(type -> type.getType() != Schema.Type.NULL).toList();
        return present.size() == 1 ? present.get(0) : union.getTypes().get(GenericData.get().resolveUnion(union, value));
    }

    private static String missing(String path, String doc) {
        String sentence = "Fill in " + path + "; the record cannot be accepted without it.";
        return doc == null ? sentence : sentence + " (" + doc + ")";
    }
}
