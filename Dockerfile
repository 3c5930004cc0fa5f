# The service as a container image. Built from source with the Maven wrapper; runs as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
COPY processes processes
RUN ./mvnw -B -ntp -q package -DskipTests && cp target/avhoppare-utbyte-*.jar /src/app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home /app avhoppare
WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar
USER 10001
ENV SPRING_PROFILES_ACTIVE=postgres TZ=Europe/Stockholm
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD ["sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q UP <&3"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Duser.timezone=Europe/Stockholm", "-jar", "/app/app.jar"]
