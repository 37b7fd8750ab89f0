package org.safeguarding.exchange.service.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Answers every refusal of the registry API with Confluent's error body: {"error_code": n, "message": "..."}. */
@RestControllerAdvice(assignableTypes = SchemaRegistryController.class)
public class RegistryErrors {

    private static final Logger log = LoggerFactory.getLogger(RegistryErrors.class);
    private static final MediaType V1_JSON = MediaType.parseMediaType(RegistryMediaTypes.V1_JSON);

    public record ErrorBody(@JsonProperty("error_code") int errorCode, String message) {
    }

    @ExceptionHandler(RegistryException.class)
    public ResponseEntity<ErrorBody> refused(RegistryException e) {
        if (e.httpStatus() >= 500) {
            log.error("Schema registry failed: {}", e.getMessage(), e.getCause());
        }
        return body(e.httpStatus(), e.errorCode(), e.getMessage());
    }

    @ExceptionHandler(DataAccessException.class)
    public ResponseEntity<ErrorBody> storeFailed(DataAccessException e) {
        RegistryException storeError = RegistryException.storeError(e);
        log.error("Schema registry store failed", e);
        return body(storeError.httpStatus(), storeError.errorCode(), storeError.getMessage());
    }

    /** A schema id that is not a number names no schema. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ErrorBody> badPathOrParameter(MethodArgumentTypeMismatchException e) {
        if ("id".equals(e.getName())) {
            return body(404, 40403, "Schema " + e.getValue() + " not found");
        }
        return body(400, 400, "Invalid value '" + e.getValue() + "' for '" + e.getName() + "'");
    }

    private static ResponseEntity<ErrorBody> body(int httpStatus, int errorCode, String message) {
        return ResponseEntity.status(httpStatus).contentType(V1_JSON).body(new ErrorBody(errorCode, message));
    }
}
