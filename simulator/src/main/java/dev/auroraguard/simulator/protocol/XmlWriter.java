package dev.auroraguard.simulator.protocol;

/** Just enough XML writing for Query responses: elements, text and escaping. */
final class XmlWriter {

    private final StringBuilder out = new StringBuilder(512);

    void open(String name, String namespace) {
        out.append('<').append(name);
        if (namespace != null) {
            out.append(" xmlns=\"").append(escape(namespace)).append('"');
        }
        out.append('>');
    }

    void close(String name) {
        out.append("</").append(name).append('>');
    }

    void element(String name, String text) {
        out.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append('>');
    }

    static String escape(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                case '\r' -> "&#xD;";
                default -> null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                escaped.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
