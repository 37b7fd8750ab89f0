package org.safeguarding.exchange.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import exchange.v1.ShareRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Base64;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSchemaRegistryClientTest {

    private static final String SUBJECT = "exchange.share-requests-exchange.v1.ShareRequest";
    private final Schema schema = ShareRequest.getClassSchema();
    private FakeSchemaRegistryServer server;

    @BeforeEach
    void start() throws IOException {
        server = FakeSchemaRegistryServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpSchemaRegistryClient client() {
        return new HttpSchemaRegistryClient(List.of(server.url()), null);
    }

    @Test
    void registersLooksUpAndFetchesBySchemaId() {
        HttpSchemaRegistryClient client = client();

        int id = client.register(SUBJECT, schema);

        assertThat(client.register(SUBJECT, schema)).isEqualTo(id);
        assertThat(client.getId(SUBJECT, schema)).isEqualTo(id);
        assertThat(client.getSchemaById(id)).isEqualTo(schema);
        RegisteredSchema latest = client.getLatestVersion(SUBJECT);
        assertThat(latest.id()).isEqualTo(id);
        assertThat(latest.version()).isEqualTo(1);
        assertThat(latest.schema()).isEqualTo(schema);
    }

    @Test
    void speaksTheRegistryContentTypeAndEncodesSubjectsAsPathSegments() {
        client().register("odd subject/with slash", schema);

        FakeSchemaRegistryServer.Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/subjects/odd%20subject%2Fwith%20slash/versions");
        assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.body()).startsWith("{\"schema\":\"{\\\"type\\\":\\\"record\\\"");
    }

    @Test
    void keepsTheBasePathOfTheUrlForApicuriosCompatibleApi() throws IOException {
        try (FakeSchemaRegistryServer apicurio = FakeSchemaRegistryServer.startUnder("/apis/ccompat/v7")) {
            HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(List.of(apicurio.url() + "/"), null);

            int id = client.register(SUBJECT, schema);

            assertThat(client.getSchemaById(id)).isEqualTo(schema);
            assertThat(apicurio.requests().get(0).rawPath()).isEqualTo("/apis/ccompat/v7/subjects/" + SUBJECT + "/versions");
        }
    }

    @Test
    void sendsBasicAuthenticationFromUserInfo() {
        String expected = "Basic " + Base64.getEncoder().encodeToString("agency:s3cret".getBytes());
        server.requireAuthorization(expected);

        new HttpSchemaRegistryClient(List.of(server.url()), "agency:s3cret").register(SUBJECT, schema);

        assertThat(server.requests().get(0).authorization()).isEqualTo(expected);
    }

    @Test
    void refusalOfCredentialsNamesTheRegistryAndTheSettings() {
        server.requireAuthorization("Basic something-else");

        assertThatThrownBy(() -> new HttpSchemaRegistryClient(List.of(server.url()), "agency:wrong").register(SUBJECT, schema))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("Not authorised by the schema registry at " + server.url())
                .hasMessageContaining("basic.auth.user.info");
    }

    @Test
    void unknownSubjectIsNamed() {
        assertThatThrownBy(() -> client().getId(SUBJECT, schema))
                .isInstanceOf(SubjectNotFoundException.class)
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Subject '" + SUBJECT + "' not found")
                .satisfies(e -> assertThat(((SubjectNotFoundException) e).errorCode()).isEqualTo(40401));
        assertThatThrownBy(() -> client().getLatestVersion(SUBJECT)).isInstanceOf(SubjectNotFoundException.class);
    }

    @Test
    void schemaNotUnderTheSubjectIsNamed() {
        HttpSchemaRegistryClient client = client();
        client.register(SUBJECT, Schema.create(Schema.Type.STRING));

        assertThatThrownBy(() -> client.getId(SUBJECT, schema))
                .isInstanceOf(SchemaNotFoundException.class)
                .hasMessageContaining("Schema not registered under subject '" + SUBJECT + "'");
    }

    @Test
    void unknownSchemaIdNamesTheIdAndTheRegistry() {
        assertThatThrownBy(() -> client().getSchemaById(4711))
                .isInstanceOf(SchemaNotFoundException.class)
                .hasMessage("Schema id 4711 not found in the schema registry at " + server.url());
    }

    @Test
    void incompatibleSchemaCarriesTheRegistrysMessage() {
        server.refuseAsIncompatible(SUBJECT);

        assertThatThrownBy(() -> client().register(SUBJECT, schema))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("'" + SUBJECT + "'")
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE at /fields/11")
                .satisfies(e -> assertThat(((IncompatibleSchemaException) e).httpStatus()).isEqualTo(409));
    }

    @Test
    void unreachableRegistryNamesItsUrl() throws IOException {
        String deadUrl = "http://127.0.0.1:" + freePort();

        assertThatThrownBy(() -> new HttpSchemaRegistryClient(List.of(deadUrl), null).getSchemaById(1))
                .isInstanceOf(RegistryUnreachableException.class)
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Schema registry unreachable at " + deadUrl)
                .hasMessageContaining("GET /schemas/ids/1");
    }

    @Test
    void triesTheNextUrlWhenOneIsUnreachable() throws IOException {
        String deadUrl = "http://127.0.0.1:" + freePort();
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(List.of(deadUrl, server.url()), null);

        int id = client.register(SUBJECT, schema);

        assertThat(client.getSchemaById(id)).isEqualTo(schema);
        assertThat(client.location()).isEqualTo(deadUrl + "," + server.url());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
