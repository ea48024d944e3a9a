# Builds the server from source with the Maven wrapper, then runs it on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -pl server -am package -Dmaven.test.skip=true

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 backcast
COPY --from=build /src/server/target/backcast.jar /app/backcast.jar
USER backcast
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/backcast.jar"]
