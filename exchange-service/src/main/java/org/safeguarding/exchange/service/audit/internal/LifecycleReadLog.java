package org.safeguarding.exchange.service.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safeguarding.exchange.service.security.Callers;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Writes every request under {@code /api/lifecycle/} (a child's consent positions, the hazards linked to a child,
 * deadlines and bring-ups) to the access log, whichever module serves it, so that "who has looked at this child's
 * records?" also covers what is derived from the register. The endpoint and the case or person it names are logged;
 * the rows it returned are not counted.
 */
@Configuration(proxyBeanMethods = false)
public class LifecycleReadLog implements WebMvcConfigurer, HandlerInterceptor {

    static final String PATHS = "/api/lifecycle/**";

    private final AccessLog accessLog;
    private final Callers callers;

    LifecycleReadLog(AccessLog accessLog, Callers callers) {
        this.accessLog = accessLog;
        this.callers = callers;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(PATHS);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        if (!(handler instanceof HandlerMethod)) {
            return;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("path", request.getRequestURI());
        if (request.getQueryString() != null) {
            query.put("queryString", request.getQueryString());
        }
        query.put("status", response.getStatus());
        String caseReference = null;
        if (variables != null) {
            query.putAll(variables);
            caseReference = variables.get("caseReference");
        }
        accessLog.allowed(callers.current(), request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI()), query,
                caseReference, caseReference == null ? List.of() : Set.of(caseReference), 0);
    }
}
