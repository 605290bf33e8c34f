# syntax=docker/dockerfile:1
# The Peak Trade node image (docs/deployment.md#kubernetes). Build it from the repository root:
#
#     docker build -t peak-trade:0.1.0-SNAPSHOT .
#
# Stage 1 builds the runnable jar exactly as ./peak-trade does; stage 2 is a JRE with the jar, the config profiles
# and the demo market data, running as an unprivileged user. KubernetesManifestsTest checks this file against the
# node's config and the k8s/ manifests (ports, paths, the image tag above).

FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -DskipTests -pl app -am package

FROM eclipse-temurin:17-jre AS runtime
RUN groupadd --system --gid 10001 peaktrade \
 && useradd --system --uid 10001 --gid peaktrade --home-dir /var/lib/peak-trade --shell /usr/sbin/nologin peaktrade \
 && mkdir -p /var/lib/peak-trade \
 && chown peaktrade:peaktrade /var/lib/peak-trade
ENV PEAKTRADE_HOME=/opt/peak-trade
WORKDIR /opt/peak-trade
COPY --from=build /src/app/target/peak-trade.jar /opt/peak-trade/peak-trade.jar
COPY config/ /opt/peak-trade/config/
COPY data/demo/ /opt/peak-trade/data/demo/
# peaktrade.data-dir of config/kubernetes.conf: session run logs (the journal is in Cassandra).
VOLUME /var/lib/peak-trade
USER 10001:10001
# API (peaktrade.http.port), Pekko Management (pekko.management.http.port), remoting (artery canonical port).
EXPOSE 8080 8558 25520
ENTRYPOINT ["java", "-jar", "/opt/peak-trade/peak-trade.jar", "node", "--config", "/opt/peak-trade/config/kubernetes.conf"]
