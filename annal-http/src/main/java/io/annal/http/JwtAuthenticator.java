package io.annal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens as JWTs signed with HS256 (a shared secret) or RS256 (an RSA public key). Only the
 * configured algorithm is accepted, so a token cannot pick a weaker one ({@code none}, or HS256
 * keyed with the public key). {@code exp} and {@code nbf} are checked when present; the roles come
 * from {@code roles} (an array or a string) or {@code scope}, the strongest one counting.
 */
public final class JwtAuthenticator implements Authenticator {

    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    private final String algorithm;
    private final byte[] secret;
    private final PublicKey publicKey;
    private final InstantSource clock;

    private JwtAuthenticator(String algorithm, byte[] secret, PublicKey publicKey, InstantSource clock) {
        this.algorithm = algorithm;
        this.secret = secret;
        this.publicKey = publicKey;
        this.clock = clock;
    }

    public static JwtAuthenticator hs256(byte[] secret, InstantSource clock) {
        return new JwtAuthenticator("HS256", secret.clone(), null, clock);
    }

    public static JwtAuthenticator rs256(PublicKey key, InstantSource clock) {
        return new JwtAuthenticator("RS256", null, key, clock);
    }

    /** An RSA public key from PEM text ({@code -----BEGIN PUBLIC KEY-----}). */
    public static PublicKey rsaPublicKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    @Override
    public Optional<Caller> authenticate(String authorization) {
        String header = authorization.trim();
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String[] parts = header.substring(7).trim().split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode head = Json.MAPPER.readTree(B64.decode(parts[0]));
            if (head == null || !algorithm.equals(head.path("alg").asText())) {
                return Optional.empty();
            }
            byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            if (!verifies(signed, B64.decode(parts[2]))) {
                return Optional.empty();
            }
            JsonNode claims = Json.MAPPER.readTree(B64.decode(parts[1]));
            return claims == null || !claims.isObject() || !inTime(claims) ? Optional.empty() : caller(claims);
        } catch (IOException | IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private boolean verifies(byte[] signed, byte[] signature) throws GeneralSecurityException {
        if (secret != null) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return MessageDigest.isEqual(mac.doFinal(signed), signature);
        }
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(publicKey);
        rsa.update(signed);
        return rsa.verify(signature);
    }

    private boolean inTime(JsonNode claims) {
        long now = clock.instant().getEpochSecond();
        JsonNode exp = claims.get("exp");
        JsonNode nbf = claims.get("nbf");
        return (exp == null || (exp.isNumber() && now < exp.asLong()))
                && (nbf == null || (nbf.isNumber() && now >= nbf.asLong()));
    }

    private static Optional<Caller> caller(JsonNode claims) {
        Role best = null;
        JsonNode roles = claims.has("roles") ? claims.get("roles") : claims.get("scope");
        if (roles != null) {
            Iterable<String> names = roles.isArray()
                    ? () -> java.util.stream.StreamSupport.stream(roles.spliterator(), false)
                            .map(JsonNode::asText)
                            .iterator()
                    : java.util.List.of(roles.asText().split("[\\s,]+"));
            for (String name : names) {
                Optional<Role> role = Role.parse(name);
                if (role.isPresent() && (best == null || role.get().includes(best))) {
                    best = role.get();
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new Caller(claims.path("sub").asText("jwt"), best));
    }
}
