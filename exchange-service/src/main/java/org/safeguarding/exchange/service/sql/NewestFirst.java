package org.safeguarding.exchange.service.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * A log read newest first and paged by id (keyset paging: a page's smallest id is where the next begins), narrowed by
 * the conditions its caller adds. The logs' reads share this shape; each log keeps its own select and conditions.
 */
public final class NewestFirst {

    private final StringBuilder sql;
    private final List<Object> args = new ArrayList<>();

    /** @param select the select of the log's rows, without a where clause; its table has an {@code id} key */
    public NewestFirst(String select) {
        this.sql = new StringBuilder(select).append(" where true");
    }

    /** Keeps only rows meeting {@code condition}, whose {@code ?} take {@code values} in order. */
    public NewestFirst and(String condition, Object... values) {
        sql.append(" and ").append(condition);
        args.addAll(Arrays.asList(values));
        return this;
    }

    /** Up to {@code limit} rows with ids below {@code before} (all when null), newest first. */
    public <T> List<T> page(JdbcTemplate jdbc, Long before, int limit, RowMapper<T> rows) {
        if (before != null) {
            and("id < ?", before);
        }
        sql.append(" order by id desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), rows, args.toArray());
    }
}
