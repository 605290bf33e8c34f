package org.peaktrade.actors.candles;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The candle store's contract on the store of a node whose journal is in memory (unit tests). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InMemoryCandleStoreTest extends CandleStoreContract {
  private ActorTestKit testKit;
  private CandleStore store;

  @BeforeAll
  void start() {
    testKit = ActorTestKit.create(PersistenceTestKitPlugin.config().withFallback(ConfigFactory.load()));
    store = CandleStore.create(testKit.system(), CandleStoreSettings.fromConfig(testKit.system().settings().config()));
  }

  @AfterAll
  void stop() {
    store.close();
    testKit.shutdownTestKit();
  }

  @Override
  CandleStore store() {
    return store;
  }

  /** One store per node; in memory, the other node shares it. */
  @Override
  CandleStore otherNode() {
    return store;
  }
}
