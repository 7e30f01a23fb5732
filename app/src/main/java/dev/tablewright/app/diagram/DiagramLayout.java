package dev.tablewright.app.diagram;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each table goes: Eclipse ELK's layered algorithm (parents above their children), or at
 * once a plain grid to draw while that runs. Pure computation on plain data: it runs on a
 * background thread and touches no node (decision 0025).
 */
public final class DiagramLayout {
    /** Above this many tables ELK gets its lighter settings: 3,000 tables take 14 s with the defaults here. */
    static final int BIG = 400;
    private static final double GAP = 40;
    /** How far from the wanted place {@link #freeSpot} looks for room, in diagram units. */
    private static final double SEARCH = 2000;
    private static boolean registered;

    private DiagramLayout() {
    }

    private static synchronized void register() {
        if (!registered) {
            LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
            registered = true;
        }
    }

    /** ELK's layered layout of the whole graph; each position is a table's top-left corner, from (0, 0). */
    public static Map<String, Point> layered(DiagramGraph graph) {
        register();
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
        root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, GAP);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 60.0);
        root.setProperty(LayeredOptions.SPACING_COMPONENT_COMPONENT, GAP * 1.5);
        root.setProperty(LayeredOptions.ASPECT_RATIO, 1.6);
        if (graph.tables().size() > BIG) {
            root.setProperty(LayeredOptions.THOROUGHNESS, 1);
            root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.BRANDES_KOEPF);
        }
        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        for (DiagramGraph.Table t : graph.tables()) {
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setDimensions(NodeGeometry.width(t), NodeGeometry.height(t));
            nodes.put(t.name(), n);
        }
        for (DiagramGraph.Edge e : graph.edges()) {
            ElkNode parent = nodes.get(e.parent());
            ElkNode child = nodes.get(e.child());
            if (parent != null && child != null && parent != child) {
                ElkGraphUtil.createSimpleEdge(parent, child);
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        Map<String, Point> out = new HashMap<>();
        nodes.forEach((name, n) -> out.put(name, new Point(Math.round(n.getX()), Math.round(n.getY()))));
        return out;
    }

    /** Rows of tables in name order, about as wide as tall: instant, for the first picture of a big schema. */
    public static Map<String, Point> grid(DiagramGraph graph) {
        Map<String, Point> out = new HashMap<>();
        int columns = Math.max(1, (int) Math.ceil(Math.sqrt(graph.tables().size() * 1.6)));
        double x = 0;
        double y = 0;
        double rowHeight = 0;
        int column = 0;
        for (DiagramGraph.Table t : graph.tables()) {
            out.put(t.name(), new Point(x, y));
            rowHeight = Math.max(rowHeight, NodeGeometry.height(t));
            x += NodeGeometry.width(t) + GAP;
            if (++column == columns) {
                column = 0;
                x = 0;
                y += rowHeight + GAP;
                rowHeight = 0;
            }
        }
        return out;
    }

    /**
     * The top-left corner nearest {@code wanted} where a box of {@code width} × {@code height} overlaps
     * no placed table (with a gap around it): {@code wanted} itself when it is free. Candidates lie on
     * a grid of half gaps around it, nearest first, as far as {@value #SEARCH} diagram units.
     */
    public static Point freeSpot(Point wanted, double width, double height, DiagramGraph graph, Map<String, Point> placed) {
        List<double[]> near = new ArrayList<>();
        for (DiagramGraph.Table t : graph.tables()) {
            Point p = placed.get(t.name());
            double w = NodeGeometry.width(t);
            double h = NodeGeometry.height(t);
            if (p != null && p.x() < wanted.x() + SEARCH + width && p.x() + w > wanted.x() - SEARCH
                    && p.y() < wanted.y() + SEARCH + height && p.y() + h > wanted.y() - SEARCH) {
                near.add(new double[] {p.x() - GAP / 2, p.y() - GAP / 2, p.x() + w + GAP / 2, p.y() + h + GAP / 2});
            }
        }
        int steps = (int) (SEARCH / (GAP / 2));
        List<int[]> offsets = new ArrayList<>();
        for (int i = -steps; i <= steps; i++) {
            for (int j = -steps; j <= steps; j++) {
                offsets.add(new int[] {i, j});
            }
        }
        offsets.sort(Comparator.comparingInt(o -> o[0] * o[0] + o[1] * o[1]));
        for (int[] o : offsets) {
            double x = wanted.x() + o[0] * GAP / 2;
            double y = wanted.y() + o[1] * GAP / 2;
            boolean free = true;
            for (double[] r : near) {
                if (x < r[2] && x + width > r[0] && y < r[3] && y + height > r[1]) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return new Point(x, y);
            }
        }
        return wanted;
    }
}
