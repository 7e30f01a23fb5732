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

import java.util.HashMap;
import java.util.LinkedHashMap;
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
}
