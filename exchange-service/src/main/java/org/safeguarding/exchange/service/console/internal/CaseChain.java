package org.safeguarding.exchange.service.console.internal;

import java.util.ArrayList;
import java.util.List;
import org.safeguarding.exchange.service.audit.CaseTimeline;
import org.safeguarding.exchange.service.register.EntryView;

/**
 * A case drawn as a chain: each request in a band of its own, left to right request, consent outcomes, decisions and
 * anything else answering it, linked by arrows as the register links them (by request id); entries linked to no request
 * (hazards, proactive disclosures) in a last band, in register order. Positions in SVG user units.
 */
public record CaseChain(int width, int height, List<Band> bands, List<Node> nodes, List<Edge> edges) {

    public static final int NODE_WIDTH = 240;
    public static final int NODE_HEIGHT = 74;
    private static final int COLUMN_GAP = 60;
    private static final int ROW_GAP = 18;
    private static final int BAND_LABEL = 30;
    private static final int MARGIN = 16;

    /** A band's heading, at its top. */
    public record Band(String label, int y) {
    }

    /**
     * One entry as a box: its lines of text, whether it was accepted, and the entry it opens.
     *
     * @param description what a screen reader says for the box's link
     */
    public record Node(long sequence, int x, int y, List<String> lines, boolean accepted, String description) {

        public int width() {
            return NODE_WIDTH;
        }

        public int height() {
            return NODE_HEIGHT;
        }

        public int textX() {
            return x + 10;
        }

        public int textY(int line) {
            return y + 20 + line * 17;
        }
    }

    /** An arrow from one box's right edge to another's left edge, as an SVG path. */
    public record Edge(long from, long to, String path) {
    }

    public static CaseChain of(CaseTimeline timeline) {
        List<Band> bands = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        int y = MARGIN;
        int columns = 1;
        for (CaseTimeline.RequestThread thread : timeline.requests()) {
            bands.add(new Band("Request " + thread.requestId(), y + 18));
            int top = y + BAND_LABEL;
            List<List<EntryView>> stages = List.of(thread.requests(), thread.consentOutcomes(), thread.decisions(), thread.other());
            List<List<Node>> placed = new ArrayList<>();
            int rows = 1;
            int column = 0;
            for (List<EntryView> stage : stages) {
                if (stage.isEmpty()) {
                    continue;
                }
                List<Node> here = new ArrayList<>();
                for (int row = 0; row < stage.size(); row++) {
                    here.add(node(stage.get(row), x(column), top + row * (NODE_HEIGHT + ROW_GAP)));
                }
                rows = Math.max(rows, stage.size());
                placed.add(here);
                column++;
            }
            columns = Math.max(columns, column);
            for (int stage = 0; stage < placed.size(); stage++) {
                nodes.addAll(placed.get(stage));
                if (stage > 0) {
                    for (Node from : placed.get(stage - 1)) {
                        for (Node to : placed.get(stage)) {
                            edges.add(edge(from, to));
                        }
                    }
                }
            }
            y = top + rows * (NODE_HEIGHT + ROW_GAP);
        }
        List<EntryView> unlinked = timeline.notLinkedToARequest();
        if (!unlinked.isEmpty()) {
            bands.add(new Band("Not linked to a request (hazards, proactive disclosures), in register order", y + 18));
            int top = y + BAND_LABEL;
            Node previous = null;
            for (int i = 0; i < unlinked.size(); i++) {
                Node node = node(unlinked.get(i), x(i), top);
                nodes.add(node);
                if (previous != null) {
                    edges.add(edge(previous, node));
                }
                previous = node;
            }
            columns = Math.max(columns, unlinked.size());
            y = top + NODE_HEIGHT + ROW_GAP;
        }
        return new CaseChain(x(columns) - COLUMN_GAP + MARGIN, y + MARGIN - ROW_GAP, bands, nodes, edges);
    }

    private static int x(int column) {
        return MARGIN + column * (NODE_WIDTH + COLUMN_GAP);
    }

    private static Node node(EntryView e, int x, int y) {
        String type = e.recordType() == null ? "Undecodable message" : e.recordType();
        String parties = (e.sendingAgency() == null ? "?" : e.sendingAgency())
                + (e.recipientAgencies().isEmpty() ? "" : " to " + String.join(", ", e.recipientAgencies()));
        String state = e.outcome() + (e.decision() != null ? ", " + e.decision() : e.consentStatus() != null ? ", consent " + e.consentStatus() : "");
        List<String> lines = List.of(type + " #" + e.sequence(), shorten(parties), shorten(state));
        boolean accepted = "ACCEPTED".equals(e.outcome());
        return new Node(e.sequence(), x, y, lines, accepted, "Entry " + e.sequence() + ": " + type + " from " + parties + ", " + state);
    }

    private static Edge edge(Node from, Node to) {
        int x1 = from.x() + NODE_WIDTH;
        int y1 = from.y() + NODE_HEIGHT / 2;
        int x2 = to.x() - 6;
        int y2 = to.y() + NODE_HEIGHT / 2;
        int middle = (x1 + x2) / 2;
        return new Edge(from.sequence(), to.sequence(), "M" + x1 + " " + y1 + " C" + middle + " " + y1 + " " + middle + " " + y2 + " " + x2 + " " + y2);
    }

    private static String shorten(String text) {
        return text.length() <= 29 ? text : text.substring(0, 28) + "…";
    }
}
