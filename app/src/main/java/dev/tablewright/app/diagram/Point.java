package dev.tablewright.app.diagram;

/** A table's top-left corner on the canvas, in diagram units (zoom 1). */
public record Point(double x, double y) {
}
