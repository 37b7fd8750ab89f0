package org.safeguarding.exchange.service.registry;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals that happen before a registry handler is chosen (an unsupported content type or method),
 * answered in Confluent's error form for requests under the registry's base path. Errors raised by
 * the handlers themselves are {@link RegistryErrors}' business.
 */
@Component
public class RegistryProtocolErrors implements HandlerExceptionResolver, Ordered {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String basePath;

    public RegistryProtocolErrors(RegistryProperties properties) {
        this.basePath = properties.basePath();
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception exception) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!(path.equals(basePath) || path.startsWith(basePath + "/"))) {
            return null;
        }
        int status;
        if (exception instanceof HttpMediaTypeNotSupportedException) {
            status = 415;
        } else if (exception instanceof HttpRequestMethodNotSupportedException) {
            status = 405;
        } else {
            return null;
        }
        try {
            write(response, status, status, exception.getMessage());
            return new ModelAndView();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Answers with Confluent's error body, for refusals decided outside the registry's handlers (access control's
     * 401 and 403 included).
     */
    public static void write(HttpServletResponse response, int status, int errorCode, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(RegistryMediaTypes.V1_JSON);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(Map.of("error_code", errorCode, "message", message)));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
