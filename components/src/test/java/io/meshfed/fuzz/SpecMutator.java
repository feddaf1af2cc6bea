package io.meshfed.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Small edits a user might make to a spec, chosen by a seeded random source: a field removed or set
 * to null, a list entry duplicated or dropped, a value of another type, odd strings (non-ASCII,
 * empty, huge, another field's value), out-of-range numbers, a node copied from elsewhere.
 */
final class SpecMutator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ODD_STRINGS = List.of("", " ", "ünïcode", "名前", "Ñame", "UPPER", "with space", "-dash-",
            "a.b", "a/b", "*", "/", "${x}", "0", "1.5", "true", "null", "~", "\t", "line\nbreak", "x".repeat(64), "é".repeat(300),
            "2026-13-45T99:99:99Z", "-1s", "0s", "1h", "9999999999h", "1e400h", "GET", "STRICT", "ambient", "sidecar", "provided",
            "default", "istio-system", "kube-system", "global", "mesh.internal", "v1", "EC_P384", "NONE", "SWITCHED", "TRUST_BOTH");
    private static final List<JsonNode> ODD_NUMBERS = List.of(NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1),
            NODES.numberNode(100), NODES.numberNode(101), NODES.numberNode(65535), NODES.numberNode(65536),
            NODES.numberNode(Integer.MAX_VALUE), NODES.numberNode(Integer.MIN_VALUE), NODES.numberNode(Long.MAX_VALUE),
            NODES.numberNode(BigInteger.TEN.pow(30)), NODES.numberNode(0.5), NODES.numberNode(1e308), NODES.numberNode(Double.NaN),
            NODES.numberNode(-0.0));

    /** Where a node sits: a field of an object or an entry of a list. */
    private record Slot(JsonNode container, String field, int index, JsonNode value) {

        void set(JsonNode replacement) {
            if (container instanceof ObjectNode o) {
                o.set(field, replacement);
            } else {
                ((ArrayNode) container).set(index, replacement);
            }
        }

        void remove() {
            if (container instanceof ObjectNode o) {
                o.remove(field);
            } else {
                ((ArrayNode) container).remove(index);
            }
        }

        String path() {
            return field != null ? field : "[" + index + "]";
        }
    }

    private final List<String> vocabulary;

    /** {@code vocabulary}: strings seen in the seed specs, reused so that edits create duplicates and dangling references. */
    SpecMutator(List<String> vocabulary) {
        this.vocabulary = List.copyOf(vocabulary);
    }

    static List<String> stringsOf(JsonNode tree) {
        List<String> strings = new ArrayList<>();
        collectStrings(tree, strings);
        return strings;
    }

    private static void collectStrings(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            out.add(field.getKey());
            collectStrings(field.getValue(), out);
        }
        if (node.isArray()) {
            node.forEach(n -> collectStrings(n, out));
        }
    }

    /** A mutated copy of {@code seed}: one edit (six times in ten), else two or three, each described in {@code log}. */
    JsonNode mutate(JsonNode seed, SplittableRandom random, List<String> log) {
        JsonNode tree = seed.deepCopy();
        int edits = random.nextInt(10) < 6 ? 1 : 2 + random.nextInt(2);
        for (int i = 0; i < edits; i++) {
            List<Slot> slots = new ArrayList<>();
            collectSlots(tree, slots);
            if (slots.isEmpty()) {
                break;
            }
            Slot slot = slots.get(random.nextInt(slots.size()));
            log.add(edit(slot, slots, random));
        }
        return tree;
    }

    private static void collectSlots(JsonNode node, List<Slot> out) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = o.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.add(new Slot(o, field.getKey(), -1, field.getValue()));
                collectSlots(field.getValue(), out);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new Slot(a, null, i, a.get(i)));
                collectSlots(a.get(i), out);
            }
        }
    }

    private String edit(Slot slot, List<Slot> all, SplittableRandom random) {
        int kind = random.nextInt(100);
        if (kind < 12) {
            slot.remove();
            return "remove " + slot.path();
        }
        if (kind < 22) {
            slot.set(NODES.nullNode());
            return "null " + slot.path();
        }
        if (kind < 34) {
            return duplicate(slot, random);
        }
        if (kind < 38) {
            return duplicateRenamed(slot, random);
        }
        if (kind < 46) {
            JsonNode other = otherType(slot.value(), random);
            slot.set(other);
            return "retype " + slot.path() + " = " + abbreviate(other);
        }
        if (kind < 66) {
            JsonNode text = NODES.textNode(oddString(slot.value(), random));
            slot.set(text);
            return "string " + slot.path() + " = " + abbreviate(text);
        }
        if (kind < 78) {
            JsonNode number = ODD_NUMBERS.get(random.nextInt(ODD_NUMBERS.size()));
            slot.set(number);
            return "number " + slot.path() + " = " + number;
        }
        if (kind < 90) {
            JsonNode copy = all.get(random.nextInt(all.size())).value().deepCopy();
            slot.set(copy);
            return "copy into " + slot.path() + " = " + abbreviate(copy);
        }
        if (kind < 95 && slot.value() instanceof ObjectNode o) {
            o.put("unexpected", "x");
            return "add field to " + slot.path();
        }
        slot.set(NODES.booleanNode(random.nextBoolean()));
        return "boolean " + slot.path();
    }

    /** Duplicates the entry if it sits in a list, else an entry of the list it is, else the node in place. */
    private static String duplicate(Slot slot, SplittableRandom random) {
        if (slot.container() instanceof ArrayNode a) {
            a.insert(slot.index(), slot.value().deepCopy());
            return "duplicate entry " + slot.path();
        }
        if (slot.value() instanceof ArrayNode a && !a.isEmpty()) {
            int i = random.nextInt(a.size());
            a.insert(i, a.get(i).deepCopy());
            return "duplicate entry " + slot.path() + "[" + i + "]";
        }
        ArrayNode twice = NODES.arrayNode().add(slot.value().deepCopy()).add(slot.value().deepCopy());
        slot.set(twice);
        return "list of two " + slot.path();
    }

    /**
     * Duplicates a list entry that has a name and renames the copy to {@code <name>-<word>}: both
     * stay valid on their own, so that names derived from them (object names, subsets) may collide.
     */
    private String duplicateRenamed(Slot slot, SplittableRandom random) {
        if (!(slot.container() instanceof ArrayNode a) || !(slot.value() instanceof ObjectNode entry)) {
            return duplicate(slot, random);
        }
        String field = entry.has("name") ? "name" : entry.has("service") ? "service" : entry.has("namespace") ? "namespace" : null;
        ObjectNode copy = entry.deepCopy();
        String renamed = (field == null ? "x" : entry.path(field).asText()) + "-" + word(random);
        if (field != null) {
            copy.put(field, renamed);
        }
        a.insert(slot.index() + 1, copy);
        return "duplicate entry " + slot.path() + " as " + renamed;
    }

    /** A seed string that reads as a DNS label, so that joined names stay valid. */
    private String word(SplittableRandom random) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String candidate = vocabulary.get(random.nextInt(vocabulary.size()));
            if (candidate.matches("[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?")) {
                return candidate;
            }
        }
        return "v1";
    }

    private static JsonNode otherType(JsonNode value, SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> value.isTextual() ? NODES.numberNode(42) : NODES.textNode(value.isValueNode() ? value.asText() : "text");
            case 1 -> value.isArray() ? NODES.textNode("scalar") : NODES.arrayNode().add(value.deepCopy());
            case 2 -> value.isObject() ? NODES.arrayNode().add(value.deepCopy()) : NODES.objectNode().set("value", value.deepCopy());
            default -> value.isNumber() ? NODES.textNode(value.asText()) : NODES.numberNode(random.nextInt(-2, 70000));
        };
    }

    private String oddString(JsonNode value, SplittableRandom random) {
        int kind = random.nextInt(10);
        String text = value.isValueNode() ? value.asText() : "";
        if (kind < 3) {
            return vocabulary.get(random.nextInt(vocabulary.size()));
        }
        if (kind == 3) {
            return text + "ü";
        }
        if (kind == 4) {
            return text.repeat(1 + random.nextInt(5000));
        }
        if (kind == 5) {
            return text.toUpperCase(java.util.Locale.ROOT);
        }
        if (kind == 6) {
            return word(random) + "-" + word(random);
        }
        return ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()));
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
