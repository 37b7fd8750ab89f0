package org.safeguarding.exchange.service.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.safeguarding.exchange.service.registry.SchemaRegistry.CompatibilityReport;
import org.safeguarding.exchange.service.registry.SchemaRegistry.RegisteredSchema;
import org.safeguarding.exchange.service.registry.SchemaRegistry.SubjectVersion;
import org.safeguarding.exchange.service.registry.SchemaRegistry.Submission;
import org.safeguarding.exchange.service.registry.internal.AvroSchemas;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Confluent Schema Registry's REST API (the part that serializers and common tools use), under
 * {@code exchange.registry.base-path}. Translates HTTP to {@link SchemaRegistry} calls and back; changes are made as
 * the request's caller ({@link RegistryCallers}), whom the registry may refuse.
 */
@RestController
@RequestMapping(path = "${exchange.registry.base-path:/registry}",
        produces = {RegistryMediaTypes.V1_JSON, RegistryMediaTypes.DEFAULT_JSON, RegistryMediaTypes.JSON})
class SchemaRegistryController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record SchemaId(int id) {
    }

    record SchemaText(String schema) {
    }

    record CompatibilityLevelAnswer(String compatibilityLevel) {
    }

    record CompatibilityAnswer(String compatibility) {
    }

    record CompatibilityCheck(@JsonProperty("is_compatible") boolean isCompatible,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<String> messages) {
    }

    private final SchemaRegistry registry;
    private final RegistryCallers callers;

    SchemaRegistryController(SchemaRegistry registry, RegistryCallers callers) {
        this.registry = registry;
        this.callers = callers;
    }

    /** Confluent's root answers an empty object; some tools use it as a liveness probe. */
    @GetMapping({"", "/"})
    Map<String, Object> root() {
        return Map.of();
    }

    @GetMapping("/schemas/types")
    List<String> schemaTypes() {
        return List.of(AvroSchemas.AVRO);
    }

    @GetMapping("/schemas/ids/{id}")
    SchemaText schemaById(@PathVariable int id) {
        return new SchemaText(registry.schemaById(id));
    }

    @GetMapping("/schemas/ids/{id}/schema")
    String rawSchemaById(@PathVariable int id) {
        return registry.schemaById(id);
    }

    @GetMapping("/schemas/ids/{id}/versions")
    List<SubjectVersion> versionsOfSchema(@PathVariable int id,
                                          @RequestParam(defaultValue = "false") boolean deleted) {
        return registry.versionsOfSchema(id, deleted);
    }

    @GetMapping("/schemas/ids/{id}/subjects")
    List<String> subjectsOfSchema(@PathVariable int id, @RequestParam(defaultValue = "false") boolean deleted) {
        return registry.versionsOfSchema(id, deleted).stream().map(SubjectVersion::subject).distinct().toList();
    }

    @GetMapping("/subjects")
    List<String> subjects(@RequestParam(defaultValue = "false") boolean deleted) {
        return registry.subjects(deleted);
    }

    @PostMapping(path = "/subjects/{subject}/versions", consumes = {RegistryMediaTypes.V1_JSON, RegistryMediaTypes.DEFAULT_JSON,
            RegistryMediaTypes.JSON, RegistryMediaTypes.OCTET_STREAM})
    SchemaId register(@PathVariable String subject, @RequestBody(required = false) byte[] body) {
        return new SchemaId(registry.register(subject, submission(body), callers.current()));
    }

    @PostMapping(path = "/subjects/{subject}", consumes = {RegistryMediaTypes.V1_JSON, RegistryMediaTypes.DEFAULT_JSON,
            RegistryMediaTypes.JSON, RegistryMediaTypes.OCTET_STREAM})
    RegisteredSchema lookUp(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean deleted,
                            @RequestBody(required = false) byte[] body) {
        return registry.lookUp(subject, submission(body), deleted);
    }

    @DeleteMapping("/subjects/{subject}")
    List<Integer> deleteSubject(@PathVariable String subject,
                                @RequestParam(defaultValue = "false") boolean permanent) {
        return registry.deleteSubject(subject, permanent, callers.current());
    }

    @GetMapping("/subjects/{subject}/versions")
    List<Integer> versions(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean deleted) {
        return registry.versions(subject, deleted);
    }

    @GetMapping("/subjects/{subject}/versions/{version}")
    RegisteredSchema version(@PathVariable String subject, @PathVariable String version,
                             @RequestParam(defaultValue = "false") boolean deleted) {
        return registry.version(subject, version, deleted);
    }

    @GetMapping("/subjects/{subject}/versions/{version}/schema")
    String rawSchema(@PathVariable String subject, @PathVariable String version,
                     @RequestParam(defaultValue = "false") boolean deleted) {
        return registry.version(subject, version, deleted).schema();
    }

    /** Schema references are not supported, so no schema refers to any version. */
    @GetMapping("/subjects/{subject}/versions/{version}/referencedby")
    List<Integer> referencedBy(@PathVariable String subject, @PathVariable String version) {
        registry.version(subject, version, false);
        return List.of();
    }

    @DeleteMapping("/subjects/{subject}/versions/{version}")
    int deleteVersion(@PathVariable String subject, @PathVariable String version,
                      @RequestParam(defaultValue = "false") boolean permanent) {
        return registry.deleteVersion(subject, version, permanent, callers.current());
    }

    @PostMapping(path = "/compatibility/subjects/{subject}/versions/{version}", consumes = {RegistryMediaTypes.V1_JSON, RegistryMediaTypes.DEFAULT_JSON,
            RegistryMediaTypes.JSON, RegistryMediaTypes.OCTET_STREAM})
    CompatibilityCheck checkAgainstVersion(@PathVariable String subject, @PathVariable String version,
                                           @RequestParam(defaultValue = "false") boolean verbose,
                                           @RequestBody(required = false) byte[] body) {
        return answer(registry.checkCompatibility(subject, version, submission(body)), verbose);
    }

    @PostMapping(path = "/compatibility/subjects/{subject}/versions", consumes = {RegistryMediaTypes.V1_JSON, RegistryMediaTypes.DEFAULT_JSON,
            RegistryMediaTypes.JSON, RegistryMediaTypes.OCTET_STREAM})
    CompatibilityCheck checkAgainstLevel(@PathVariable String subject,
                                         @RequestParam(defaultValue = "false") boolean verbose,
                                         @RequestBody(required = false) byte[] body) {
        return answer(registry.checkCompatibility(subject, null, submission(body)), verbose);
    }

    @GetMapping("/config")
    CompatibilityLevelAnswer globalConfig() {
        return new CompatibilityLevelAnswer(registry.globalCompatibility().name());
    }

    @PutMapping(path = "/config", consumes = {RegistryMediaTypes.V1_JSON, RegistryMediaTypes.DEFAULT_JSON,
            RegistryMediaTypes.JSON, RegistryMediaTypes.OCTET_STREAM})
    CompatibilityAnswer setGlobalConfig(@RequestBody(required = false) byte[] body) {
        return new CompatibilityAnswer(registry.setGlobalCompatibility(compatibility(body), callers.current()).name());
    }

    @DeleteMapping("/config")
    CompatibilityLevelAnswer resetGlobalConfig() {
        return new CompatibilityLevelAnswer(registry.resetGlobalCompatibility(callers.current()).name());
    }

    @GetMapping("/config/{subject}")
    CompatibilityLevelAnswer subjectConfig(@PathVariable String subject,
                                           @RequestParam(defaultValue = "false") boolean defaultToGlobal) {
        return new CompatibilityLevelAnswer(registry.subjectCompatibility(subject, defaultToGlobal).name());
    }

    @PutMapping(path = "/config/{subject}", consumes = {RegistryMediaTypes.V1_JSON, RegistryMediaTypes.DEFAULT_JSON,
            RegistryMediaTypes.JSON, RegistryMediaTypes.OCTET_STREAM})
    CompatibilityAnswer setSubjectConfig(@PathVariable String subject, @RequestBody(required = false) byte[] body) {
        return new CompatibilityAnswer(registry.setSubjectCompatibility(subject, compatibility(body), callers.current()).name());
    }

    @DeleteMapping("/config/{subject}")
    CompatibilityLevelAnswer deleteSubjectConfig(@PathVariable String subject) {
        return new CompatibilityLevelAnswer(registry.deleteSubjectCompatibility(subject, callers.current()).name());
    }

    private static CompatibilityCheck answer(CompatibilityReport report, boolean verbose) {
        return new CompatibilityCheck(report.compatible(), verbose ? report.messages() : null);
    }

    /** Reads {"schema": "...", "schemaType": "AVRO", "references": []}; other fields are ignored, as Confluent's newer ones (metadata, ruleSet) have no meaning here. */
    private static Submission submission(byte[] body) {
        JsonNode request = jsonObject(body);
        JsonNode schema = request.get("schema");
        if (schema != null && !schema.isNull() && !schema.isString()) {
            throw RegistryException.malformedRequest("\"schema\" must be a string holding the schema's JSON");
        }
        JsonNode schemaType = request.get("schemaType");
        if (schemaType != null && !schemaType.isNull() && !schemaType.isString()) {
            throw RegistryException.malformedRequest("\"schemaType\" must be a string");
        }
        JsonNode references = request.get("references");
        if (references != null && !references.isNull() && !references.isArray()) {
            throw RegistryException.malformedRequest("\"references\" must be an array");
        }
        return new Submission(schema == null || schema.isNull() ? null : schema.stringValue(),
                schemaType == null || schemaType.isNull() ? null : schemaType.stringValue(),
                references != null && references.isArray() && !references.isEmpty());
    }

    /** Reads {"compatibility": "..."}. */
    private static String compatibility(byte[] body) {
        JsonNode compatibility = jsonObject(body).get("compatibility");
        return compatibility != null && compatibility.isString() ? compatibility.stringValue() : null;
    }

    private static JsonNode jsonObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw RegistryException.malformedRequest("The request has no body; a JSON object is expected");
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            throw RegistryException.malformedRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw RegistryException.malformedRequest("The request body must be a JSON object");
        }
        return node;
    }
}
