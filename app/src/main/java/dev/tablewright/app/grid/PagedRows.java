package dev.tablewright.app.grid;

import javafx.collections.ObservableListBase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grid's items: a list as long as the table (plus any new rows not yet saved, on top) whose
 * elements exist only for the pages asked for. Asking for a row of a page not in the cache puts
 * placeholders there and asks the loader for the page; the cache keeps the most recently used
 * pages only, so scrolling through a million rows holds a few thousand at a time.
 */
final class PagedRows extends ObservableListBase<GridRow> {
    /** Fetches a page off the FX thread and calls {@link Page#fill} when it arrives. */
    interface Loader {
        void load(PagedRows rows, Page page);
    }

    /** One page of rows: {@code rows.length} rows from table position {@code index * pageSize}. */
    final class Page {
        final int index;
        final GridRow[] rows;
        private boolean loaded;

        Page(int index, int size) {
            this.index = index;
            this.rows = new GridRow[size];
            for (int i = 0; i < size; i++) {
                rows[i] = GridRow.placeholder();
            }
        }

        long from() {
            return (long) index * pageSize;
        }

        boolean isLoaded() {
            return loaded;
        }

        /** Is this page still one this list shows (not evicted, not replaced)? */
        boolean isCurrent() {
            return pages.get(index) == this;
        }

        Map<String, Object> firstRow() {
            return rows[0].storedProperty().get();
        }

        Map<String, Object> lastRow() {
            return rows[rows.length - 1].storedProperty().get();
        }

        void fill(List<Map<String, Object>> values) {
            fill(values, List.of());
        }

        /** {@code labels}: the parents' labels row by row (empty when the table has no foreign key). */
        void fill(List<Map<String, Object>> values, List<Map<String, ParentLabel>> labels) {
            for (int i = 0; i < rows.length && i < values.size(); i++) {
                rows[i].fill(values.get(i), i < labels.size() ? labels.get(i) : Map.of());
            }
            loaded = values.size() >= rows.length;
        }
    }

    private final int pageSize;
    private final Loader loader;
    private final List<GridRow> drafts = new ArrayList<>();
    private final LinkedHashMap<Integer, Page> pages;
    private long total;

    PagedRows(long total, int pageSize, int maxPages, Loader loader) {
        this.total = total;
        this.pageSize = pageSize;
        this.loader = loader;
        this.pages = new LinkedHashMap<>(maxPages * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Page> eldest) {
                return size() > maxPages;
            }
        };
    }

    /** A list whose first page is already known (it came with the count), so it shows at once. */
    void seed(List<Map<String, Object>> firstRows, List<Map<String, ParentLabel>> labels) {
        if (total == 0) {
            return;
        }
        Page first = new Page(0, pageLength(0));
        pages.put(0, first);
        first.fill(firstRows, labels);
    }

    @Override
    public GridRow get(int index) {
        if (index < drafts.size()) {
            return drafts.get(index);
        }
        long position = index - drafts.size();
        if (index < 0 || position >= total) {
            throw new IndexOutOfBoundsException(index);
        }
        int p = (int) (position / pageSize);
        Page page = pages.get(p);
        if (page == null) {
            page = new Page(p, pageLength(p));
            pages.put(p, page);
            loader.load(this, page);
        }
        return page.rows[(int) (position - page.from())];
    }

    private int pageLength(int p) {
        return (int) Math.min(pageSize, total - (long) p * pageSize);
    }

    @Override
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE - drafts.size(), total) + drafts.size();
    }

    long total() {
        return total;
    }

    int drafts() {
        return drafts.size();
    }

    /** The page if it is cached and loaded, without touching its place in the cache. */
    /** The rows of the pages read so far (not the drafts). */
    List<GridRow> loadedRows() {
        List<GridRow> out = new ArrayList<>();
        for (Page page : pages.values()) {
            for (GridRow row : page.rows) {
                if (row != null && row.isLoaded()) {
                    out.add(row);
                }
            }
        }
        return out;
    }

    Page loadedPage(int index) {
        for (Map.Entry<Integer, Page> e : pages.entrySet()) {
            if (e.getKey() == index) {
                return e.getValue().isLoaded() ? e.getValue() : null;
            }
        }
        return null;
    }

    int cachedPages() {
        return pages.size();
    }

    /** The count arrived (after the first page): the list grows to the table's length. */
    void grow(long newTotal) {
        if (newTotal <= total) {
            return;
        }
        int oldSize = size();
        Page first = pages.get(0);
        if (first != null && first.rows.length < pageSize) {
            // The first page was cut at the old end; it is read again at full length.
            pages.remove(0);
        }
        total = newTotal;
        beginChange();
        nextAdd(oldSize, size());
        endChange();
    }

    void addDraft(GridRow row) {
        drafts.add(0, row);
        beginChange();
        nextAdd(0, 1);
        endChange();
    }

    void removeDraft(GridRow row) {
        int at = drafts.indexOf(row);
        if (at < 0) {
            return;
        }
        drafts.remove(at);
        beginChange();
        nextRemove(at, row);
        endChange();
    }

    List<GridRow> draftRows() {
        return List.copyOf(drafts);
    }
}
