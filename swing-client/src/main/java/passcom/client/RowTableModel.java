package passcom.client;

import java.util.List;
import javax.swing.table.AbstractTableModel;
import passcom.client.i18n.Messages;

/**
 * A read-only table over a list of API records, with translated column headers. Cells are display text
 * except the airlines column, a list of airline ids that the airline renderer paints as coloured badges.
 * Subclasses say what each column shows.
 */
public abstract class RowTableModel<T> extends AbstractTableModel {

    private final String[] headerKeys;
    private final int airlinesColumn;
    private List<T> rows = List.of();

    protected RowTableModel(int airlinesColumn, String... headerKeys) {
        this.headerKeys = headerKeys.clone();
        this.airlinesColumn = airlinesColumn;
    }

    /** Replaces every row (null means none). */
    protected void replaceRows(List<T> newRows) {
        rows = newRows == null ? List.of() : List.copyOf(newRows);
        fireTableDataChanged();
    }

    public T row(int index) {
        return rows.get(index);
    }

    /** What the cell of {@code row} shows in {@code column}. */
    protected abstract Object value(T row, int column);

    @Override
    public final int getRowCount() {
        return rows.size();
    }

    @Override
    public final int getColumnCount() {
        return headerKeys.length;
    }

    @Override
    public final String getColumnName(int column) {
        return Messages.get(headerKeys[column]);
    }

    @Override
    public final Class<?> getColumnClass(int column) {
        return column == airlinesColumn ? List.class : String.class;
    }

    @Override
    public final Object getValueAt(int row, int column) {
        if (column < 0 || column >= headerKeys.length) {
            throw new IndexOutOfBoundsException("column " + column);
        }
        return value(rows.get(row), column);
    }
}
