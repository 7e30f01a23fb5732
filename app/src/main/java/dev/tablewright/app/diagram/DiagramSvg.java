package dev.tablewright.app.diagram;

import java.util.Locale;
import java.util.Map;

/**
 * The diagram as an SVG document, drawn from the graph and the positions alone (no nodes), so it
 * is written off the FX thread and looks the same whatever the theme: boxes with their fields,
 * edges dashed when optional, crow's feet at the child.
 */
public final class DiagramSvg {
    private static final double MARGIN = 20;

    private DiagramSvg() {
    }

    public static String render(DiagramGraph graph, Map<String, Point> positions) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = 0;
        double maxY = 0;
        for (DiagramGraph.Table t : graph.tables()) {
            Point p = positions.get(t.name());
            if (p != null) {
                minX = Math.min(minX, p.x());
                minY = Math.min(minY, p.y());
                maxX = Math.max(maxX, p.x() + NodeGeometry.width(t) + 60);
                maxY = Math.max(maxY, p.y() + NodeGeometry.height(t));
            }
        }
        if (minX == Double.MAX_VALUE) {
            minX = 0;
            minY = 0;
        }
        double dx = MARGIN - minX;
        double dy = MARGIN - minY;
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" font-family=\"sans-serif\" font-size=\"11\">%n",
                maxX - minX + 2 * MARGIN, maxY - minY + 2 * MARGIN));
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#f6f8fa\"/>\n");
        Map<String, DiagramGraph.Table> tables = graph.byName();
        for (DiagramGraph.Edge e : graph.edges()) {
            edge(out, e, tables, positions, dx, dy);
        }
        for (DiagramGraph.Table t : graph.tables()) {
            Point p = positions.get(t.name());
            if (p != null) {
                table(out, t, p.x() + dx, p.y() + dy);
            }
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private static void table(StringBuilder out, DiagramGraph.Table t, double x, double y) {
        double w = NodeGeometry.width(t);
        double h = NodeGeometry.height(t);
        out.append(String.format(Locale.ROOT, "<g class=\"table\" id=\"%s\">%n", attr(t.name())));
        out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"4\" fill=\"#ffffff\" stroke=\"#d0d7de\"/>%n", x, y, w, h));
        out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"4\" fill=\"#ddf4ff\"/>%n", x, y, w, NodeGeometry.HEADER));
        out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-weight=\"bold\">%s%s</text>%n", x + 8, y + 18, text(t.name()),
                t.history() ? " \u23F1" : ""));
        double rowY = y + NodeGeometry.HEADER;
        for (DiagramGraph.Field f : t.fields()) {
            String marker = f.primaryKey() ? "PK" : f.foreignKey() ? "FK" : f.unique() ? "U" : "";
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#0969da\" font-size=\"9\" font-weight=\"bold\">%s</text>%n", x + 6, rowY + 14, marker));
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\"%s>%s</text>%n", x + 26, rowY + 14,
                    f.notNull() ? " font-weight=\"bold\"" : "", text(f.name())));
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#57606a\" text-anchor=\"end\">%s</text>%n", x + w - 8, rowY + 14, text(f.type())));
            rowY += NodeGeometry.ROW;
        }
        out.append("</g>\n");
    }

    private static void edge(StringBuilder out, DiagramGraph.Edge e, Map<String, DiagramGraph.Table> tables, Map<String, Point> positions,
                             double dx, double dy) {
        DiagramGraph.Table child = tables.get(e.child());
        DiagramGraph.Table parent = tables.get(e.parent());
        Point cp = positions.get(e.child());
        Point pp = positions.get(e.parent());
        if (child == null || parent == null || cp == null || pp == null) {
            return;
        }
        String dash = e.mandatory() || e.kind() == DiagramGraph.Kind.MANY_TO_MANY ? "" : " stroke-dasharray=\"6 4\"";
        double[] c = {cp.x() + dx + NodeGeometry.width(child) / 2, cp.y() + dy + NodeGeometry.height(child) / 2};
        double[] p = {pp.x() + dx + NodeGeometry.width(parent) / 2, pp.y() + dy + NodeGeometry.height(parent) / 2};
        if (e.child().equals(e.parent())) {
            double r = cp.x() + dx + NodeGeometry.width(child);
            double top = cp.y() + dy + NodeGeometry.HEADER + 6;
            out.append(String.format(Locale.ROOT, "<polyline points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"none\" stroke=\"#57606a\"%s/>%n",
                    r, top, r + 40, top, r + 40, top + 34, r, top + 34, dash));
            label(out, e, r + 44, top + 20);
            return;
        }
        double[] ce = border(cp.x() + dx, cp.y() + dy, NodeGeometry.width(child), NodeGeometry.height(child), c, p);
        double[] pe = border(pp.x() + dx, pp.y() + dy, NodeGeometry.width(parent), NodeGeometry.height(parent), p, c);
        out.append(String.format(Locale.ROOT, "<line class=\"edge\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#57606a\"%s/>%n",
                ce[0], ce[1], pe[0], pe[1], dash));
        crowsFoot(out, ce, pe);
        if (e.kind() == DiagramGraph.Kind.MANY_TO_MANY) {
            crowsFoot(out, pe, ce);
        }
        label(out, e, (ce[0] + pe[0]) / 2, (ce[1] + pe[1]) / 2);
    }

    private static void label(StringBuilder out, DiagramGraph.Edge e, double x, double y) {
        String text = e.kind() == DiagramGraph.Kind.MANY_TO_MANY ? "many-to-many" : e.label();
        if (!text.isEmpty()) {
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\" fill=\"#24292f\">%s</text>%n", x, y - 3, text(text)));
        }
    }

    private static void crowsFoot(StringBuilder out, double[] at, double[] toward) {
        double vx = toward[0] - at[0];
        double vy = toward[1] - at[1];
        double len = Math.max(1e-6, Math.hypot(vx, vy));
        vx /= len;
        vy /= len;
        double jx = at[0] + vx * 12;
        double jy = at[1] + vy * 12;
        for (int side = -1; side <= 1; side++) {
            out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#57606a\"/>%n",
                    at[0] - vy * 7 * side, at[1] + vx * 7 * side, jx, jy));
        }
    }

    private static double[] border(double x, double y, double w, double h, double[] from, double[] to) {
        double ddx = to[0] - from[0];
        double ddy = to[1] - from[1];
        double tx = Math.abs(ddx) < 1e-9 ? Double.MAX_VALUE : (w / 2) / Math.abs(ddx);
        double ty = Math.abs(ddy) < 1e-9 ? Double.MAX_VALUE : (h / 2) / Math.abs(ddy);
        double t = Math.min(Math.min(tx, ty), 1);
        return new double[] {from[0] + ddx * t, from[1] + ddy * t};
    }

    private static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String attr(String s) {
        return text(s).replace("\"", "&quot;");
    }
}
