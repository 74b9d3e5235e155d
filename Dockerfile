# Multi-stage build: compile with the Maven wrapper, run on a slim JRE 17 as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
# The jar packs the seed schema (the importer validates with it) and Neo4j Browser's style and guide from graph-seed.
COPY graph-seed graph-seed
RUN ./mvnw -B -ntp -DskipTests -Dspotless.check.skip=true -Dskillgraph.classArchive.skip=true package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app skillgraph
WORKDIR /app
COPY --from=build /src/target/lib lib
COPY --from=build /src/target/skillgraph.jar skillgraph.jar
COPY graph-seed graph-seed
RUN mkdir -p /app/data && chown skillgraph /app/data
USER skillgraph
ENV SKILLGRAPH_HTTP_HOST=0.0.0.0 \
    SKILLGRAPH_DATA_DIR=/app/data \
    SKILLGRAPH_SEED_DIR=/app/graph-seed
EXPOSE 7000
# bash's /dev/tcp keeps the image free of curl: /ready answers 200 once Neo4j answers and the graph is served.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SKILLGRAPH_HTTP_PORT:-7000} && printf 'GET /ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-jar", "/app/skillgraph.jar"]
