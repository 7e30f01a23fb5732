package dev.tablewright.core.query;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.filter.Filter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options of getTableData / findRow / countRows (section 6), built by name:
 * {@code ReadOptions.builder().filter(f).limit(200).build()}, or {@link #filter(Filter)} and
 * {@link #none()} for the common cases. Every option is null when not given.
 */
public final class ReadOptions {
    private static final Set<String> KEYS = Set.of("filter", "fields", "order", "limit", "offset", "autoJoin", "locale", "dateStyle", "timeStyle", "timeZone", "asOf", "labels");
    private static final ReadOptions NONE = builder().build();

    private final Filter filter;
    private final List<String> fields;
    private final Object order;
    private final Integer limit;
    private final Integer offset;
    private final Boolean autoJoin;
    private final String locale;
    private final String dateStyle;
    private final String timeStyle;
    private final String timeZone;
    private final String asOf;
    private final Map<String, List<String>> labels;

    private ReadOptions(Builder b) {
        this.filter = b.filter;
        this.fields = b.fields == null ? null : List.copyOf(b.fields);
        this.order = b.order;
        this.limit = b.limit;
        this.offset = b.offset;
        this.autoJoin = b.autoJoin;
        this.locale = b.locale;
        this.dateStyle = b.dateStyle;
        this.timeStyle = b.timeStyle;
        this.timeZone = b.timeZone;
        this.asOf = b.asOf;
        this.labels = b.labels == null ? null : copyLabels(b.labels);
    }

    private static Map<String, List<String>> copyLabels(Map<String, List<String>> labels) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        labels.forEach((key, parentFields) -> out.put(key, List.copyOf(new LinkedHashSet<>(parentFields))));
        return Collections.unmodifiableMap(out);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every row, every field, in no particular order. */
    public static ReadOptions none() {
        return NONE;
    }

    /** The rows {@code filter} matches (null: every row). */
    public static ReadOptions filter(Filter filter) {
        return builder().filter(filter).build();
    }

    /** The rows a filter array matches (section 5), parsed here. */
    public static ReadOptions filter(List<?> filterArray) {
        return filter(Filter.parse(filterArray));
    }

    /** The same options, to change some of them. */
    public Builder toBuilder() {
        return new Builder().filter(filter).fields(fields).order(order).limit(limit).offset(offset).autoJoin(autoJoin)
                .locale(locale).dateStyle(dateStyle).timeStyle(timeStyle).timeZone(timeZone).asOf(asOf).labels(labels);
    }

    public ReadOptions withLimit(Integer newLimit) {
        return toBuilder().limit(newLimit).build();
    }

    public ReadOptions withFields(List<String> newFields) {
        return toBuilder().fields(newFields).build();
    }

    public ReadOptions withFilter(Filter newFilter) {
        return toBuilder().filter(newFilter).build();
    }

    /** These options with each filter value that is exactly {@code $USER} replaced by {@code user}; these very options when there is none. */
    public ReadOptions withUser(String user) {
        if (filter == null) {
            return this;
        }
        Filter replaced = filter.withUser(user);
        return replaced == filter ? this : withFilter(replaced);
    }

    /** The options of a call (a map as a call file or JSON gives it); unknown keys are INVALID_ARGUMENT, a bad filter INVALID_FILTER. */
    public static ReadOptions fromMap(Map<String, ?> map) {
        if (map == null) {
            return none();
        }
        for (String key : map.keySet()) {
            if (!KEYS.contains(key)) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Unknown option '" + key + "'. Known: " + String.join(", ", new TreeSet<>(KEYS)) + ".");
            }
        }
        Object fields = map.get("fields");
        List<String> fieldList = null;
        if (fields instanceof List<?> l) {
            fieldList = l.stream().map(String::valueOf).toList();
        } else if (fields instanceof String s) {
            fieldList = List.of(s);
        } else if (fields != null) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'fields' is a list of field names.");
        }
        return builder().filter(map.get("filter") == null ? null : Filter.parse(map.get("filter")))
                .fields(fieldList).order(map.get("order")).limit(integer(map, "limit")).offset(integer(map, "offset"))
                .autoJoin(map.get("autoJoin") == null ? null : Boolean.valueOf(String.valueOf(map.get("autoJoin"))))
                .locale(str(map.get("locale"))).dateStyle(str(map.get("dateStyle"))).timeStyle(str(map.get("timeStyle")))
                .timeZone(str(map.get("timeZone"))).asOf(str(map.get("asOf"))).labels(labels(map.get("labels"))).build();
    }

    /** {@code labels: {customerId: name}} or {@code {customerId: [id, name]}}. */
    private static Map<String, List<String>> labels(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw badLabels();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getValue() instanceof String s) {
                out.put(String.valueOf(e.getKey()), List.of(s));
            } else if (e.getValue() instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(String.class::isInstance)) {
                out.put(String.valueOf(e.getKey()), l.stream().map(String.class::cast).toList());
            } else {
                throw badLabels();
            }
        }
        return out;
    }

    private static TablewrightException badLabels() {
        return new TablewrightException(ErrorCode.INVALID_ARGUMENT,
                "'labels' maps a foreign-key field to the parent's field(s) to read beside it: {customerId: name} or {customerId: [id, name]}.");
    }

    private static Integer integer(Map<String, ?> map, String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        try {
            int n = v instanceof Number num ? Math.toIntExact(num.longValue()) : Integer.parseInt(String.valueOf(v).trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (RuntimeException e) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'" + key + "' must be a whole number of 0 or more, got '" + v + "'.");
        }
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    /** The filter, or null: every row. */
    public Filter filter() {
        return filter;
    }

    public List<String> fields() {
        return fields;
    }

    /** {@code ['field','DESC']}, a list of such pairs, or a field name. */
    public Object order() {
        return order;
    }

    public Integer limit() {
        return limit;
    }

    public Integer offset() {
        return offset;
    }

    public Boolean autoJoin() {
        return autoJoin;
    }

    public String locale() {
        return locale;
    }

    public String dateStyle() {
        return dateStyle;
    }

    public String timeStyle() {
        return timeStyle;
    }

    /** The zone dates are formatted in when {@code locale} is given (default UTC). */
    public String timeZone() {
        return timeZone;
    }

    /**
     * The moment whose rows are read (section 10.1): {@code now}, relative ({@code -1h}) or
     * ISO-8601; null: the rows as they are.
     */
    public String asOf() {
        return asOf;
    }

    /**
     * Fields of each foreign key's parent row, read in the same query as the rows (a join done by
     * the database): foreign-key field → parent fields. Each comes back under
     * {@code foreignKey.parentField}, null where the key is null or names no row. Null: none.
     */
    public Map<String, List<String>> labels() {
        return labels;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadOptions r && Objects.equals(filter, r.filter) && Objects.equals(fields, r.fields) && Objects.equals(order, r.order)
                && Objects.equals(limit, r.limit) && Objects.equals(offset, r.offset) && Objects.equals(autoJoin, r.autoJoin)
                && Objects.equals(locale, r.locale) && Objects.equals(dateStyle, r.dateStyle) && Objects.equals(timeStyle, r.timeStyle)
                && Objects.equals(timeZone, r.timeZone) && Objects.equals(asOf, r.asOf) && Objects.equals(labels, r.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(filter, fields, order, limit, offset, autoJoin, locale, dateStyle, timeStyle, timeZone, asOf, labels);
    }

    @Override
    public String toString() {
        return "ReadOptions[filter=" + (filter == null ? null : filter.toArray()) + ", fields=" + fields + ", order=" + order + ", limit=" + limit
                + ", offset=" + offset + ", autoJoin=" + autoJoin + ", locale=" + locale + (asOf == null ? "" : ", asOf=" + asOf)
                + (labels == null ? "" : ", labels=" + labels) + "]";
    }

    /** Options by name; what is not set stays null (the default). */
    public static final class Builder {
        private Filter filter;
        private List<String> fields;
        private Object order;
        private Integer limit;
        private Integer offset;
        private Boolean autoJoin;
        private String locale;
        private String dateStyle;
        private String timeStyle;
        private String timeZone;
        private String asOf;
        private Map<String, List<String>> labels;

        private Builder() {
        }

        public Builder filter(Filter filter) {
            this.filter = filter;
            return this;
        }

        public Builder fields(List<String> fields) {
            this.fields = fields;
            return this;
        }

        public Builder order(Object order) {
            this.order = order;
            return this;
        }

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public Builder offset(Integer offset) {
            this.offset = offset;
            return this;
        }

        public Builder autoJoin(Boolean autoJoin) {
            this.autoJoin = autoJoin;
            return this;
        }

        public Builder locale(String locale) {
            this.locale = locale;
            return this;
        }

        public Builder dateStyle(String dateStyle) {
            this.dateStyle = dateStyle;
            return this;
        }

        public Builder timeStyle(String timeStyle) {
            this.timeStyle = timeStyle;
            return this;
        }

        public Builder timeZone(String timeZone) {
            this.timeZone = timeZone;
            return this;
        }

        public Builder asOf(String asOf) {
            this.asOf = asOf;
            return this;
        }

        /** See {@link ReadOptions#labels()}. */
        public Builder labels(Map<String, List<String>> labels) {
            this.labels = labels;
            return this;
        }

        public ReadOptions build() {
            return new ReadOptions(this);
        }
    }
}
