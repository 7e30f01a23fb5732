package dev.tablewright.app.diagram;

import dev.tablewright.app.task.Failures;
import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.relation.RelationshipPlan;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The dialog that adds a relationship drawn on the diagram, from the child table (which gets the
 * foreign key) to the parent: the kind and the role the user picks, and, planned by the core as
 * they change, the foreign key's name and the exact statements Create will run, or the core's
 * refusal with what to do.
 */
public final class RelationshipViewModel {

    /** The kinds offered, each with the connector call that makes it. */
    public enum Kind {
        OPTIONAL("optional", "Optional: each row may have one"),
        MANDATORY("mandatory", "Mandatory: each row has exactly one"),
        MANY_TO_MANY("manyToMany", "Many-to-many: through a hidden junction table");

        private final String id;
        private final String label;

        Kind(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public String id() {
            return id;
        }

        public String label() {
            return label;
        }
    }

    private final Connector connector;
    private final TaskExecutor tasks;
    private final String child;
    private final String parent;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.OPTIONAL);
    private final StringProperty role = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper keyName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statements = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper planning = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper applying = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper planned = new ReadOnlyBooleanWrapper();
    private final BooleanBinding creatable;
    private long generation;

    public RelationshipViewModel(Connector connector, TaskExecutor tasks, String child, String parent) {
        this.connector = connector;
        this.tasks = tasks;
        this.child = child;
        this.parent = parent;
        if (child.equals(parent)) {
            role.set("Parent");
        }
        creatable = Bindings.createBooleanBinding(() -> planned.get() && problem.get().isEmpty() && !planning.get() && !applying.get() && !done.get(),
                planned, problem, planning, applying, done);
        kind.addListener((obs, old, now) -> plan());
        role.addListener((obs, old, now) -> plan());
        plan();
    }

    /** Asks the core for the plan of the current choice; only the latest answer is shown. */
    private void plan() {
        long mine = ++generation;
        Kind k = kind.get();
        String r = roleOrNull();
        planning.set(true);
        planned.set(false);
        tasks.execute(() -> connector.planRelationship(child, parent, k.id(), r), plan -> {
            if (mine != generation) {
                return;
            }
            planning.set(false);
            show(plan, k);
            problem.set("");
            planned.set(true);
        }, failure -> {
            if (mine != generation) {
                return;
            }
            planning.set(false);
            keyName.set("");
            statements.set("");
            summary.set("");
            problem.set(Failures.describe(failure));
        });
    }

    private void show(RelationshipPlan plan, Kind k) {
        String constraints = String.join(", ", plan.constraints());
        if (k == Kind.MANY_TO_MANY) {
            keyName.set("Junction table " + plan.name() + (constraints.isEmpty() ? "" : " (foreign keys " + constraints + ")"));
        } else {
            keyName.set(child + "." + plan.name() + " → " + parent + (constraints.isEmpty() ? "" : " (constraint " + constraints + ")"));
        }
        summary.set(String.join("\n", plan.plan().summary()));
        statements.set(plan.plan().script());
    }

    private String roleOrNull() {
        String r = role.get() == null ? "" : role.get().trim();
        return r.isEmpty() || kind.get() == Kind.MANY_TO_MANY ? null : r;
    }

    /** Runs the relationship's call; {@link #doneProperty()} turns true when it worked, else the refusal shows in {@link #problemProperty()}. */
    public void create() {
        if (!creatable.get()) {
            return;
        }
        Kind k = kind.get();
        String r = roleOrNull();
        applying.set(true);
        tasks.execute(() -> switch (k) {
            case OPTIONAL -> connector.optionallyHasOne(child, parent, r);
            case MANDATORY -> connector.mandatorilyHasOne(child, parent, r);
            case MANY_TO_MANY -> connector.optionallyHasMany(child, parent);
        }, name -> {
            applying.set(false);
            done.set(true);
        }, failure -> {
            applying.set(false);
            problem.set(Failures.describe(failure));
        });
    }

    public String child() {
        return child;
    }

    public String parent() {
        return parent;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty roleProperty() {
        return role;
    }

    /** The foreign key (or junction) the relationship makes, with its constraint's name. */
    public ReadOnlyStringProperty keyNameProperty() {
        return keyName.getReadOnlyProperty();
    }

    /** The statements Create runs, as a script to read. */
    public ReadOnlyStringProperty statementsProperty() {
        return statements.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the relationship cannot be made as chosen, and what to do; empty when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding creatableBinding() {
        return creatable;
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }
}
