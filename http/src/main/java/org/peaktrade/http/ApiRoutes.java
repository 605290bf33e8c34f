package org.peaktrade.http;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.model.RequestEntity;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.stream.Materializer;
import org.peaktrade.http.auth.Authorization;
import org.peaktrade.http.auth.Caller;

/**
 * What every route class of the API shares: bounded, strictly parsed JSON bodies; answering from a facade's
 * {@link CompletionStage} (a facade that throws instead of failing its stage is treated alike); 400/408/413 as
 * problem+json; 200 with JSON. Each subclass says how a failed facade call is answered.
 */
abstract class ApiRoutes extends AllDirectives {

  /** The largest request body accepted; larger bodies get 413. */
  static final long MAX_BODY_BYTES = 64 * 1024;
  private static final long BODY_TIMEOUT_MILLIS = 5_000;

  /** The answer when the facade's stage fails (already unwrapped from {@link CompletionException}). */
  abstract Route failed(Throwable cause);

  /** Reads the whole body (at most {@link #MAX_BODY_BYTES}) and parses it strictly before the inner route runs. */
  <T> Route body(Class<T> type, Function<T, Route> inner) {
    return extractRequestEntity(entity -> extractMaterializer(materializer -> {
      if (entity.getContentLengthOption().orElse(0) > MAX_BODY_BYTES) {
        return onComplete(entity.discardBytes(materializer).completionStage(), drained -> problem(tooLarge()));
      }
      return onComplete(strict(entity, materializer), read -> {
        if (read.isFailure()) {
          return problem(unreadable(read.failed().get()));
        }
        try {
          return inner.apply(ApiJson.read(read.get(), type));
        } catch (BadRequestException e) {
          return problem(e);
        }
      });
    }));
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
    String title = e.status() == 413 ? "Payload too large" : e.status() == 408 ? "Request timeout" : "Bad request";
    String slug = e.status() == 413 ? "payload-too-large" : e.status() == 408 ? "request-timeout" : "bad-request";
    return problem(Problem.of(slug, title, e.status(), e.getMessage()));
  }

  Route problem(Problem problem) {
    return complete(ApiErrors.response(problem, List.of()));
  }

  Route ok(Object body) {
    return completeOK(body, Jackson.<Object>marshaller(ApiJson.MAPPER));
  }

  static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static CompletionStage<byte[]> strict(RequestEntity entity, Materializer materializer) {
    return entity.toStrict(BODY_TIMEOUT_MILLIS, MAX_BODY_BYTES, materializer)
        .thenApply(strict -> strict.getData().toArray());
  }

  private static BadRequestException unreadable(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof EntityStreamSizeException) {
      return tooLarge();
    }
    if (cause instanceof TimeoutException) {
      return new BadRequestException(408, "the request body did not arrive within " + BODY_TIMEOUT_MILLIS + " ms");
    }
    return new BadRequestException("the request body could not be read");
  }

  private static BadRequestException tooLarge() {
    return new BadRequestException(413, "the request body is larger than " + MAX_BODY_BYTES + " bytes");
  }
}
