package org.peaktrade.actors.marketdata;

import java.util.ArrayDeque;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.FlowShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;

/**
 * A buffer that never backpressures: it always pulls upstream and, when full, drops its oldest element and
 * runs {@code onDrop}. Like {@code buffer(n, OverflowStrategy.dropHead())}, except that drops are counted.
 */
final class DropOldestBuffer<T> extends GraphStage<FlowShape<T, T>> {
  private final Inlet<T> in = Inlet.create("DropOldestBuffer.in");
  private final Outlet<T> out = Outlet.create("DropOldestBuffer.out");
  private final FlowShape<T, T> shape = FlowShape.of(in, out);
  private final int capacity;
  private final Runnable onDrop;

  DropOldestBuffer(int capacity, Runnable onDrop) {
    if (capacity < 1) {
      throw new IllegalArgumentException("buffer capacity must be at least 1: " + capacity);
    }
    this.capacity = capacity;
    this.onDrop = onDrop;
  }

  @Override
  public FlowShape<T, T> shape() {
    return shape;
  }

  @Override
  public GraphStageLogic createLogic(Attributes inheritedAttributes) {
    return new GraphStageLogic(shape) {
      private final ArrayDeque<T> queue = new ArrayDeque<>();

      {
        setHandler(in, new AbstractInHandler() {
          @Override
          public void onPush() {
            T element = grab(in);
            if (queue.isEmpty() && isAvailable(out)) {
              push(out, element);
            } else {
              if (queue.size() == capacity) {
                queue.removeFirst();
                onDrop.run();
              }
              queue.addLast(element);
            }
            pull(in);
          }

          @Override
          public void onUpstreamFinish() {
            if (queue.isEmpty()) {
              completeStage();
            }
          }
        });
        setHandler(out, new AbstractOutHandler() {
          @Override
          public void onPull() {
            if (!queue.isEmpty()) {
              push(out, queue.removeFirst());
              if (queue.isEmpty() && isClosed(in)) {
                completeStage();
              }
            }
          }
        });
      }

      @Override
      public void preStart() {
        pull(in);
      }
    };
  }
}
