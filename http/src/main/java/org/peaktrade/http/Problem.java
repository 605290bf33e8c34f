package org.peaktrade.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import org.peaktrade.http.KillSwitchJson.StatusView;
import org.peaktrade.protocol.killswitch.RefusalReason;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). Every error the API returns is one: {@code type}
 * is a stable URN per kind of problem, {@code detail} says what exactly is wrong. A refusal by the kill switch also
 * carries the {@code refusal} reason and the switch's status after the command ({@code killSwitch}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, RefusalReason refusal,
    StatusView killSwitch) {

  private static final String URN = "urn:peaktrade:problem:";

  public static Problem of(String slug, String title, int status, String detail) {
    return new Problem(URN + slug, title, status, detail, null, null);
  }

  public static Problem badRequest(String detail) {
    return of("bad-request", "Bad request", 400, detail);
  }

  public static Problem refused(RefusalReason reason, int status, String detail, StatusView killSwitch) {
    String slug = reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    return new Problem(URN + slug, "Refused by the kill switch: " + reason, status, detail, reason, killSwitch);
  }
}
