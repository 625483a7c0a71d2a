package passcom.it.gui;

import java.awt.AWTEvent;
import java.awt.AWTException;
import java.awt.Component;
import java.awt.Container;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.MouseInfo;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.io.IOException;
import java.awt.geom.Point2D;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.swing.AbstractButton;
import javax.swing.JDialog;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A customer's hands on the real window: {@link Robot} moves the pointer, clicks and types through the
 * operating system's event queue (here Xvfb's), exactly as a person would, so every listener, focus rule
 * and modal dialog runs as it does for them. Components are found by name ({@code Component.setName}) and
 * their screen positions read on the event thread; waits poll a condition on the event thread until a
 * deadline. Test thread only (never the event thread: the clicks must be able to run while it waits).
 *
 * <p>A click aims where Java says the component is on screen, and Java can be wrong about a window that has just
 * appeared: a dialog packs (its X window is created at 0,0) and then moves to the middle of its owner, and on an X
 * server without a window manager, as Xvfb here, the toolkit sometimes keeps the first position for a while or for
 * good, so {@code getLocationOnScreen} points at the screen's top left corner while the dialog shows in the middle.
 * A click there hits no window and the dialog stays open. So {@link #click} first moves the pointer and waits until
 * the X server reports it over the component (the pointer events that reach the component, whose coordinates the
 * server computes itself), and only then presses; and the buttons and fields of dialogs, which come and go, are
 * driven through the component tree ({@link #press}, {@link #focus}), where where they are on screen does not matter.
 * The main window, shown once at its final place, is clicked with the pointer.
 */
final class WindowRobot {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The last pointer event any component of this JVM received: where the X server says the pointer is over it. */
    private static final AtomicReference<MouseEvent> POINTER = new AtomicReference<>();

    static {
        Toolkit.getDefaultToolkit().addAWTEventListener(event -> POINTER.set((MouseEvent) event),
                AWTEvent.MOUSE_EVENT_MASK | AWTEvent.MOUSE_MOTION_EVENT_MASK);
    }

    private final Robot robot;

    WindowRobot() throws AWTException {
        robot = new Robot();
        // 10 ms between events: the X server queues them in order, and Xvfb repeats no key (scripts/with-xvfb.sh)
        robot.setAutoDelay(10);
        // No wait for an idle event queue after every single press and release: each wait is a round trip
        // through the X server and the event thread, 0.3-3 s on a loaded machine, and with the ~100 events of
        // this test's typing and clicking that stretched it to 150-520 s (past its limit). One wait per
        // gesture (a click, a typed string, a condition met) keeps the order the steps rely on.
        robot.setAutoWaitForIdle(false);
    }

    /**
     * A left click at {@code point} of {@code component} (its own coordinates), pressed once the X server reports the
     * pointer there (see the class comment); fails, with a screenshot, if it never does.
     */
    void click(Component component, Point2D point) throws Exception {
        Point screen = onEdt(() -> {
            Point origin = component.getLocationOnScreen();
            return new Point(origin.x + (int) Math.round(point.getX()), origin.y + (int) Math.round(point.getY()));
        });
        if (screen.equals(MouseInfo.getPointerInfo().getLocation())) {
            // already there, so moving would report nothing: step aside first, so that the arrival is reported
            robot.mouseMove(screen.x - 1, screen.y);
        }
        robot.mouseMove(screen.x, screen.y);
        waitFor("the pointer over " + describe(component) + " at " + screen.x + "," + screen.y
                + " (if it never comes, the window is not where Java says it is on screen)", () -> pointerAt(component, point));
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.waitForIdle();
    }

    /**
     * Whether the last pointer event, which the X server placed, was within a pixel of {@code point} of
     * {@code component}. An event in another window says nothing about this one. Event thread.
     */
    private static boolean pointerAt(Component component, Point2D point) {
        MouseEvent last = POINTER.get();
        if (last == null || last.getID() == MouseEvent.MOUSE_EXITED || !component.isShowing()) {
            return false;
        }
        Component source = last.getComponent();
        Window window = SwingUtilities.getWindowAncestor(component);
        if (source != window && SwingUtilities.getWindowAncestor(source) != window) {
            return false;
        }
        Point there = SwingUtilities.convertPoint(source, last.getPoint(), component);
        return Math.abs(there.x - point.getX()) <= 1 && Math.abs(there.y - point.getY()) <= 1;
    }

    private static String describe(Component component) {
        return component.getName() != null ? component.getName() : component.getClass().getSimpleName();
    }

    /**
     * Presses {@code button} as a click's press and release would, through its model: it arms, fires its action on
     * the event thread and lets go. For the buttons of dialogs (see the class comment); a button whose action opens a
     * modal dialog is fine too, since the press is posted to the event thread, not waited for.
     */
    void press(AbstractButton button) throws Exception {
        waitFor(describe(button) + " enabled", button::isEnabled);
        SwingUtilities.invokeLater(() -> button.doClick(0));
        robot.waitForIdle();
    }

    /** Gives {@code field} the keyboard focus, as a click into it would, and waits until it has it. */
    void focus(JTextComponent field) throws Exception {
        onEdt(field::requestFocusInWindow);
        waitFor("the focus in " + describe(field), field::isFocusOwner);
    }
    /** A left click in the middle of {@code component}. */
    void click(Component component) throws Exception {
        Rectangle size = onEdt(() -> new Rectangle(component.getSize()));
        click(component, new Point2D.Double(size.width / 2.0, size.height / 2.0));
    }

    /** A left click in the middle of {@code area} of {@code component}. */
    void click(Component component, Rectangle area) throws Exception {
        click(component, new Point2D.Double(area.getCenterX(), area.getCenterY()));
    }

    /** Types digits, lower-case letters and spaces into whatever has the focus, starting from Home. */
    void type(String text) {
        key(KeyEvent.VK_HOME);
        for (char c : text.toCharArray()) {
            if (c >= '0' && c <= '9') {
                key(KeyEvent.VK_0 + (c - '0'));
            } else if (c >= 'a' && c <= 'z') {
                key(KeyEvent.VK_A + (c - 'a'));
            } else if (c == ' ') {
                key(KeyEvent.VK_SPACE);
            } else {
                throw new IllegalArgumentException("cannot type '" + c + "'");
            }
        }
        robot.waitForIdle();
    }

    private void key(int code) {
        robot.keyPress(code);
        robot.keyRelease(code);
    }

    /** The showing component named {@code name} in any window, once there is one. */
    <T extends Component> T named(String name, Class<T> type) throws Exception {
        AtomicReference<T> found = new AtomicReference<>();
        waitFor("a component named " + name, () -> {
            for (Window window : Window.getWindows()) {
                Component c = window.isShowing() ? find(window, name) : null;
                if (type.isInstance(c)) {
                    found.set(type.cast(c));
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    /** The showing dialog titled {@code title}, once it is up. */
    JDialog dialog(String title) throws Exception {
        AtomicReference<JDialog> found = new AtomicReference<>();
        waitFor("dialog '" + title + "'", () -> {
            for (Window window : Window.getWindows()) {
                if (window instanceof JDialog d && d.isShowing() && title.equals(d.getTitle())) {
                    found.set(d);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    /** The first showing component inside {@code root} that {@code test} accepts, once there is one. */
    <T extends Component> T inside(Container root, Class<T> type, Predicate<T> test, String what) throws Exception {
        AtomicReference<T> found = new AtomicReference<>();
        waitFor(what, () -> {
            T c = first(root, type, test);
            found.set(c);
            return c != null;
        });
        return found.get();
    }

    private static <T extends Component> T first(Container root, Class<T> type, Predicate<T> test) {
        for (Component child : root.getComponents()) {
            if (type.isInstance(child) && child.isShowing() && test.test(type.cast(child))) {
                return type.cast(child);
            }
            if (child instanceof Container container) {
                T found = first(container, type, test);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Component find(Container root, String name) {
        for (Component child : root.getComponents()) {
            if (name.equals(child.getName()) && child.isShowing()) {
                return child;
            }
            if (child instanceof Container container) {
                Component found = find(container, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Polls {@code condition} on the event thread until it holds; fails naming {@code what} after the patience. */
    void waitFor(String what, Supplier<Boolean> condition) throws Exception {
        try {
            // polled from this thread, as the clicks that follow are: the met condition and the idle wait below see the same screen
            Awaitility.await(what).atMost(PATIENCE).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                    .until(() -> onEdt(condition));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("gave up after " + PATIENCE.toSeconds() + " s waiting for " + what + "; the screen: " + saveScreen(), e);
        }
        robot.waitForIdle();
    }

    /** The whole screen as a PNG under target/, so a failure can be seen; its path. */
    private String saveScreen() {
        try {
            java.awt.Dimension size = java.awt.Toolkit.getDefaultToolkit().getScreenSize();
            java.nio.file.Path file = java.nio.file.Files.createTempFile(java.nio.file.Path.of("target"), "gui-failure-", ".png");
            javax.imageio.ImageIO.write(robot.createScreenCapture(new Rectangle(size)), "png", file.toFile());
            return file.toAbsolutePath().toString();
        } catch (IOException | RuntimeException e) {
            return "(not saved: " + e + ")";
        }
    }

    static <T> T onEdt(Supplier<T> work) throws InterruptedException, InvocationTargetException {
        AtomicReference<T> result = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> result.set(work.get()));
        return result.get();
    }
}
