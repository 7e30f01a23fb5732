package dev.tablewright.bench;

import dev.tablewright.app.diagram.DiagramGraph;
import dev.tablewright.app.diagram.DiagramLayout;
import dev.tablewright.app.diagram.NodeGeometry;
import org.eclipse.elk.alg.layered.options.WrappingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.core.util.IElkProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * ELK alone on the benchmark's graph (the same tables and keys as {@link DiagramBench} generates,
 * built in memory): the app's {@link DiagramLayout#layered}, and ELK's phases under a few settings,
 * to see where a layout's time goes. {@code java ... LayoutBench [--tables 3000] [--links 4000] [--rounds 3]}.
 */
public final class LayoutBench {
    public static void main(String[] args) {
        int tables = arg(args, "--tables", 3000);
        int links = arg(args, "--links", 4000);
        int rounds = arg(args, "--rounds", 3);
        DiagramGraph graph = graph(tables, links);
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
        Map<String, Consumer<ElkNode>> variants = new java.util.LinkedHashMap<>();
        variants.put("thoroughness 1 + BK (before)", root -> {
            root.setProperty(LayeredOptions.THOROUGHNESS, 1);
            root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.BRANDES_KOEPF);
        });
        variants.put("... + polyline routing", root -> {
            root.setProperty(LayeredOptions.THOROUGHNESS, 1);
            root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.BRANDES_KOEPF);
            root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        });
        variants.put("... + polyline + wrapping (MULTI_EDGE)", root -> {
            root.setProperty(LayeredOptions.THOROUGHNESS, 1);
            root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.BRANDES_KOEPF);
            root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
            root.setProperty(LayeredOptions.WRAPPING_STRATEGY, WrappingStrategy.MULTI_EDGE);
        });
        System.out.println("connected components: " + components(graph));
        for (int r = 0; r < rounds; r++) {
            for (var v : variants.entrySet()) {
                BasicProgressMonitor monitor = new BasicProgressMonitor().withExecutionTimeMeasurement(true).withMaxHierarchyLevels(3);
                long t = System.nanoTime();
                ElkNode root = elk(graph, v.getValue(), monitor);
                System.out.printf(Locale.ROOT, "round %d, %s: %.2f s, %.0f x %.0f%n", r + 1, v.getKey(), (System.nanoTime() - t) / 1e9,
                        root.getWidth(), root.getHeight());
                if (r == rounds - 1) {
                    print(monitor, "  ");
                }
            }
            long t = System.nanoTime();
            DiagramLayout.layered(graph);
            System.out.printf(Locale.ROOT, "round %d, DiagramLayout.layered (the app's): %.2f s%n", r + 1, (System.nanoTime() - t) / 1e9);
        }
    }

    /** How many connected components the graph has, and the biggest one's size. */
    private static String components(DiagramGraph graph) {
        Map<String, String> parent = new HashMap<>();
        graph.tables().forEach(t -> parent.put(t.name(), t.name()));
        for (DiagramGraph.Edge e : graph.edges()) {
            parent.put(root(parent, e.child()), root(parent, e.parent()));
        }
        Map<String, Integer> sizes = new HashMap<>();
        graph.tables().forEach(t -> sizes.merge(root(parent, t.name()), 1, Integer::sum));
        return sizes.size() + ", the biggest of " + sizes.values().stream().mapToInt(i -> i).max().orElse(0) + " tables";
    }

    private static String root(Map<String, String> parent, String n) {
        while (!parent.get(n).equals(n)) {
            n = parent.get(n);
        }
        return n;
    }

    private static void print(IElkProgressMonitor m, String indent) {
        for (IElkProgressMonitor sub : m.getSubMonitors()) {
            if (sub.getExecutionTime() > 0.05) {
                System.out.printf(Locale.ROOT, "%s%.2f s %s%n", indent, sub.getExecutionTime(), sub.getTaskName());
                print(sub, indent + "  ");
            }
        }
    }

    private static ElkNode elk(DiagramGraph graph, Consumer<ElkNode> settings, BasicProgressMonitor monitor) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
        root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 40.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 60.0);
        root.setProperty(LayeredOptions.SPACING_COMPONENT_COMPONENT, 60.0);
        root.setProperty(LayeredOptions.ASPECT_RATIO, 1.6);
        settings.accept(root);
        Map<String, ElkNode> nodes = new HashMap<>();
        for (DiagramGraph.Table t : graph.tables()) {
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setDimensions(NodeGeometry.width(t), NodeGeometry.height(t));
            nodes.put(t.name(), n);
        }
        for (DiagramGraph.Edge e : graph.edges()) {
            if (!e.parent().equals(e.child())) {
                ElkGraphUtil.createSimpleEdge(nodes.get(e.parent()), nodes.get(e.child()));
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, monitor);
        return root;
    }

    /** The graph {@link DiagramBench} generates as a database (seed 42), built directly. */
    static DiagramGraph graph(int tables, int links) {
        Random random = new Random(42);
        List<List<Integer>> parents = new ArrayList<>();
        for (int i = 0; i < tables; i++) {
            parents.add(new ArrayList<>());
        }
        for (int l = 0; l < links; l++) {
            int child = 1 + random.nextInt(tables - 1);
            int near = Math.max(0, child - 1 - random.nextInt(Math.min(child, 40)));
            parents.get(child).add(random.nextInt(5) == 0 ? random.nextInt(child) : near);
        }
        List<DiagramGraph.Table> ts = new ArrayList<>();
        List<DiagramGraph.Edge> es = new ArrayList<>();
        for (int i = 0; i < tables; i++) {
            List<DiagramGraph.Field> fields = new ArrayList<>(List.of(
                    new DiagramGraph.Field("id", "integer", true, true, true, false),
                    new DiagramGraph.Field("name", "string", false, false, true, false),
                    new DiagramGraph.Field("amount", "decimal", false, false, false, false),
                    new DiagramGraph.Field("createdAt", "string", false, false, false, false)));
            for (int k = 0; k < parents.get(i).size(); k++) {
                String field = "ref" + k + "Id";
                fields.add(new DiagramGraph.Field(field, "integer", false, false, false, true));
                es.add(new DiagramGraph.Edge(DiagramGraph.Kind.ONE_TO_MANY, name(i), name(parents.get(i).get(k)), field, null, false, "SET NULL"));
            }
            ts.add(new DiagramGraph.Table(name(i), fields, false));
        }
        return new DiagramGraph(ts, es);
    }

    private static String name(int i) {
        return String.format(Locale.ROOT, "t%04d", i);
    }

    private static int arg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
