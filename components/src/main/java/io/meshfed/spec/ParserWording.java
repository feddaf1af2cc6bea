package io.meshfed.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** What the YAML parser and Jackson refused, in the spec's words: one line, no Java class names. */
final class ParserWording {

    private ParserWording() {
    }

    /** YAML the parser refused. */
    static String malformed(JsonProcessingException e, int maxNesting) {
        String message = e.getOriginalMessage();
        if (e instanceof StreamConstraintsException && message.contains("nesting depth")) {
            return "the document nests deeper than " + maxNesting + " levels";
        }
        if (message.startsWith("Duplicate field '")) {
            return "duplicate key " + message.substring("Duplicate field ".length()) + ": YAML keeps only one of them; remove the other";
        }
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            return "malformed YAML: " + yaml.getProblem() + (yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")");
        }
        return "malformed YAML: " + plain(message).lines().findFirst().orElse("");
    }

    static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", ", " (known fields: ", ")"));
            return "unknown field '" + u.getPropertyName() + "'" + known;
        }
        if (e instanceof InvalidFormatException f) {
            return "expected " + typeName(f.getTargetType()) + " but found '" + f.getValue() + "'";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + typeName(m.getTargetType()) + " here";
        }
        return plain(e.getOriginalMessage());
    }

    private static final Pattern OUT_OF_RANGE = Pattern.compile("Numeric value \\((.*)\\) out of range.*");
    private static final Pattern TOO_LONG = Pattern.compile("(Number|String) value length \\((\\d+)\\) exceeds.*");

    /** Jackson's wording of the remaining errors, without its class names. */
    private static String plain(String message) {
        Matcher range = OUT_OF_RANGE.matcher(message);
        if (range.matches()) {
            return "'" + Problems.shown(range.group(1)) + "' is out of range (a whole number from -2147483648 to 2147483647)";
        }
        Matcher length = TOO_LONG.matcher(message);
        if (length.matches()) {
            return "a " + length.group(1).toLowerCase(Locale.ROOT) + " of " + length.group(2) + " characters is too long here";
        }
        if (message.contains("`") || message.contains("java.") || message.contains("Exception")) {
            return "not a valid value here";
        }
        return message;
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping";
        }
        return type.getSimpleName();
    }
}
