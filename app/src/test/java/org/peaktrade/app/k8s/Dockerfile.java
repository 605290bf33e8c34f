package org.peaktrade.app.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The instructions of a Dockerfile (continuation lines joined, comments dropped) and the tag its header documents. */
record Dockerfile(List<Instruction> instructions, Optional<String> documentedTag) {

  /** One instruction: its keyword in upper case, the rest of the line, and the build stage it belongs to (0 first). */
  record Instruction(String keyword, String arguments, int stage) {
    List<String> words() {
      return Arrays.asList(arguments.trim().split("\\s+"));
    }

    /** The exec form's array, e.g. {@code ENTRYPOINT ["java", "-jar", ...]}; throws for the shell form. */
    List<String> execForm() {
      try {
        return List.of(new ObjectMapper().readValue(arguments, String[].class));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(keyword + " is not in exec form: " + arguments, e);
      }
    }
  }

  private static final Pattern BUILD_TAG = Pattern.compile("docker build -t (\\S+) \\.");

  static Dockerfile parse(String text) {
    List<Instruction> instructions = new ArrayList<>();
    Optional<String> tag = Optional.empty();
    StringBuilder pending = new StringBuilder();
    int stage = -1;
    for (String line : text.split("\n", -1)) {
      String trimmed = line.strip();
      if (pending.isEmpty() && trimmed.startsWith("#")) {
        Matcher matcher = BUILD_TAG.matcher(trimmed);
        if (matcher.find() && tag.isEmpty()) {
          tag = Optional.of(matcher.group(1));
        }
        continue;
      }
      if (trimmed.isEmpty() && pending.isEmpty()) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      String whole = pending.append(trimmed).toString();
      pending.setLength(0);
      String[] parts = whole.split("\\s+", 2);
      String keyword = parts[0].toUpperCase();
      if (keyword.equals("FROM")) {
        stage++;
      }
      instructions.add(new Instruction(keyword, parts.length > 1 ? parts[1] : "", stage));
    }
    return new Dockerfile(List.copyOf(instructions), tag);
  }

  List<Instruction> all(String keyword) {
    return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
  }

  /** The last instruction of this keyword (the one in force in the final stage), if any. */
  Optional<Instruction> last(String keyword) {
    List<Instruction> found = all(keyword);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
  }

  int finalStage() {
    return all("FROM").size() - 1;
  }
}
