# syntax=docker/dockerfile:1

# ---- build: the Maven wrapper on a JDK 17 image -------------------------------------------------
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src

# The build files first, so that the dependency download is cached separately from the sources.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY server/pom.xml server/
COPY server/src/ server/src/
COPY migrations/ migrations/
COPY mobile-api-spec/ mobile-api-spec/

RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B package -DskipTests \
 && cp server/target/server-*.jar /tmp/wijkopmaat-server.jar

# ---- run: JRE 17 as an unprivileged user --------------------------------------------------------
FROM eclipse-temurin:17-jre

RUN groupadd --system --gid 10001 wijkopmaat \
 && useradd --system --uid 10001 --gid wijkopmaat --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin wijkopmaat

WORKDIR /app
COPY --from=build /tmp/wijkopmaat-server.jar /app/wijkopmaat-server.jar

USER wijkopmaat:wijkopmaat
ENV PORT=8080
# The API; health and metrics are on the management port (ENDPOINTS_ALL_PORT).
EXPOSE 8080 8081

# Exec form: the JVM is PID 1 and receives SIGTERM, so in-flight requests finish before it stops.
# Extra JVM options can be passed with JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/wijkopmaat-server.jar"]
