package org.peaktrade.app;

import picocli.CommandLine.IVersionProvider;

/** Reports the version Maven stamped into the jar manifest. */
public final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = PeakTrade.class.getPackage().getImplementationVersion();
    return new String[] {"peak-trade " + (version == null ? "(development build)" : version)};
  }
}
