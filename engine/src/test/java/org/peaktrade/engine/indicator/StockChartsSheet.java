package org.peaktrade.engine.indicator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** A StockCharts ChartSchool sheet from {@code oracles/stockcharts/}: numeric columns by header name, blank as NaN. */
record StockChartsSheet(List<String> header, List<String[]> rows) {

  static StockChartsSheet load(String file) {
    String resource = "/oracles/stockcharts/" + file;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        StockChartsSheet.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      List<String> header = Arrays.asList(reader.readLine().split(",", -1));
      return new StockChartsSheet(header, reader.lines().filter(line -> !line.isBlank())
          .map(line -> line.split(",", -1)).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  double[] column(String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no column " + name + " in " + header);
    }
    return rows.stream().mapToDouble(row -> row[index].isBlank() ? Double.NaN : Double.parseDouble(row[index]))
        .toArray();
  }

  int size() {
    return rows.size();
  }
}
