package org.peaktrade.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.MediaType;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.RequestEntity;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.stream.Materializer;
import org.peaktrade.http.auth.Authorization;
import org.peaktrade.http.auth.Caller;
import org.peaktrade.protocol.text.ControlCharacters;

/**
 * What every route class of the API shares: bounded, strictly parsed JSON bodies; answering from a facade's
 * {@link CompletionStage} (a facade that throws instead of failing its stage is treated alike); 400/408/413/415 as
 * problem+json; 200 with JSON. Each subclass says how a failed facade call is answered.
 */
abstract class ApiRoutes extends AllDirectives {

  /** The answer when the facade's stage fails (already unwrapped from {@link CompletionException}). */
  abstract Route failed(Throwable cause);

  /**
   * Reads the whole body (at most {@link ApiSettings#maxBodyBytes}, sent as {@code application/json}) and parses it
   * strictly before the inner route runs. A body refused unread is drained first, so the client reads the answer
   * rather than a reset connection.
   */
  <T> Route body(Class<T> type, Function<T, Route> inner) {
    return extractActorSystem(system -> extractMaterializer(materializer -> extractRequestEntity(entity -> {
      ApiSettings limits = ApiSettings.get(system);
      Optional<BadRequestException> refused = refusedUnread(entity, limits);
      if (refused.isPresent()) {
        return onComplete(entity.discardBytes(materializer).completionStage(), drained -> problem(refused.get()));
      }
      return onComplete(strict(entity, limits, materializer), read -> {
        if (read.isFailure()) {
          return problem(unreadable(read.failed().get(), limits));
        }
        try {
          return inner.apply(ApiJson.read(read.get(), type));
        } catch (BadRequestException e) {
          return problem(e);
        }
      });
    })));
  }

  /** Runs {@code inner} with the caller the {@link Authorization} gate admitted; 401 without one. */
  Route asCaller(Function<Caller, Route> inner) {
    return optionalAttribute(Authorization.CALLER,
        caller -> caller.map(inner).orElseGet(() -> complete(Authorization.noCaller())));
  }

  <T> Route answer(Supplier<CompletionStage<T>> call, Function<T, Route> onSuccess) {
    CompletionStage<T> stage;
    try {
      stage = call.get();
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    return onComplete(stage,
        result -> result.isSuccess() ? onSuccess.apply(result.get()) : failed(unwrap(result.failed().get())));
  }

  Route problem(BadRequestException e) {
    switch (e.status()) {
      case 408:
        return problem(Problem.of("request-timeout", "Request timeout", 408, e.getMessage()));
      case 413:
        return problem(Problem.of("payload-too-large", "Payload too large", 413, e.getMessage()));
      case 415:
        return problem(Problem.of("unsupported-media-type", "Unsupported media type", 415, e.getMessage()));
      default:
        return problem(Problem.badRequest(e.getMessage()));
    }
  }

  Route problem(Problem problem) {
    return complete(ApiErrors.response(problem, List.of()));
  }

  Route ok(Object body) {
    return completeOK(body, Jackson.<Object>marshaller(ApiJson.MAPPER));
  }

  /** {@code value}, or a 400 naming {@code field} when it holds a control character ({@link ControlCharacters}). */
  static String clean(String field, String value) {
    ControlCharacters.problem(field, value).ifPresent(problem -> {
      throw new BadRequestException(problem);
    });
    return value;
  }

  /** {@code values}, or a 400 naming {@code field} and the key when a key or value holds a control character. */
  static Map<String, String> clean(String field, Map<String, String> values) {
    ControlCharacters.problem(field, values).ifPresent(problem -> {
      throw new BadRequestException(problem);
    });
    return values;
  }

  static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** Why the body is refused before reading it: too long by its declared length, or not JSON. */
  private static Optional<BadRequestException> refusedUnread(RequestEntity entity, ApiSettings limits) {
    if (entity.getContentLengthOption().orElse(0) > limits.maxBodyBytes()) {
      return Optional.of(tooLarge(limits));
    }
    boolean empty = entity.isKnownEmpty();
    MediaType mediaType = entity.getContentType().mediaType();
    if (!empty && !mediaType.equals(MediaTypes.APPLICATION_JSON)) {
      return Optional.of(new BadRequestException(415, "Content-Type must be application/json, not "
          + (entity.getContentType().equals(ContentTypes.NO_CONTENT_TYPE) ? "none" : mediaType.mainType() + "/" + mediaType.subType())));
    }
    return Optional.empty();
  }

  /**
   * The body's bytes. The size limit on the entity fails a streamed body with {@link EntityStreamSizeException} as
   * soon as it passes the limit; the one byte more that {@code toStrict} allows keeps its own, vaguer limit from
   * firing first.
   */
  private static CompletionStage<byte[]> strict(RequestEntity entity, ApiSettings limits, Materializer materializer) {
    return entity.withSizeLimit(limits.maxBodyBytes())
        .toStrict(limits.bodyTimeout().toMillis(), limits.maxBodyBytes() + 1, materializer)
        .thenApply(strict -> strict.getData().toArray());
  }

  private static BadRequestException unreadable(Throwable failure, ApiSettings limits) {
    Throwable cause = unwrap(failure);
    if (cause instanceof EntityStreamSizeException) {
      return tooLarge(limits);
    }
    if (cause instanceof TimeoutException) {
      return new BadRequestException(408,
          "the request body did not arrive within " + limits.bodyTimeout().toMillis() + " ms");
    }
    return new BadRequestException("the request body could not be read");
  }

  private static BadRequestException tooLarge(ApiSettings limits) {
    return new BadRequestException(413, "the request body is larger than " + limits.maxBodyBytes() + " bytes, the limit"
        + " set by " + ApiSettings.MAX_BODY_BYTES);
  }
}
