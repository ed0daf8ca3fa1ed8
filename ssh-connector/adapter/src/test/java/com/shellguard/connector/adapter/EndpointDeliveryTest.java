package com.shellguard.connector.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.connector.api.GatewayListener;
import com.shellguard.connector.api.TargetChoice;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.Test;

class EndpointDeliveryTest {

    /**
     * What Payara's message-bean container does (ConnectorMessageBeanClient, MessageBeanContainer): an endpoint past
     * the bean pool's size is refused at once with an {@link UnavailableException} caused by a
     * ResourcesExceededException; each call takes a while, as a database write under load does.
     */
    private static final class BoundedBeanPool implements MessageEndpointFactory {
        final int size;
        final AtomicInteger inUse = new AtomicInteger();
        final AtomicInteger mostInUse = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();

        BoundedBeanPool(int size) {
            this.size = size;
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource xaResource) throws UnavailableException {
            if (inUse.incrementAndGet() > size) {
                inUse.decrementAndGet();
                refused.incrementAndGet();
                UnavailableException e = new UnavailableException();
                e.initCause(new IllegalStateException("Message Bean Resources exceeded for message bean GatewayEventBean"));
                throw e;
            }
            mostInUse.accumulateAndGet(inUse.get(), Math::max);
            return (MessageEndpoint) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {MessageEndpoint.class, GatewayListener.class}, (proxy, method, args) -> {
                        if (method.getName().equals("release")) {
                            inUse.decrementAndGet();
                            return null;
                        }
                        Thread.sleep(20);
                        return List.<TargetChoice>of();
                    });
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) throws UnavailableException {
            return createEndpoint(xaResource);
        }

        @Override
        public boolean isDeliveryTransacted(Method method) {
            return true;
        }

        @Override
        public String getActivationName() {
            return "test";
        }

        @Override
        public Class<?> getEndpointClass() {
            return GatewayListener.class;
        }
    }

    @Test
    void callsPastTheContainersBeanPoolWaitTheirTurnInsteadOfFailing() {
        BoundedBeanPool pool = new BoundedBeanPool(8);
        EndpointDelivery delivery = new EndpointDelivery(8, Duration.ofSeconds(30));
        delivery.activate(pool);
        ExecutorService threads = Executors.newFixedThreadPool(100);
        try {
            List<CompletableFuture<List<TargetChoice>>> calls = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> delivery.listTargets("alice"), threads));
            }
            calls.forEach(CompletableFuture::join);
            assertEquals(0, pool.refused.get(), "no endpoint asked past the pool");
            assertTrue(pool.mostInUse.get() <= 8, "at most the pool at once: " + pool.mostInUse.get());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anEndpointTheContainerRefusesBecauseItsPoolIsSmallerIsAskedForAgain() {
        BoundedBeanPool pool = new BoundedBeanPool(4);
        EndpointDelivery delivery = new EndpointDelivery(16, Duration.ofSeconds(30));
        delivery.activate(pool);
        ExecutorService threads = Executors.newFixedThreadPool(50);
        try {
            List<CompletableFuture<List<TargetChoice>>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> delivery.listTargets("alice"), threads));
            }
            calls.forEach(CompletableFuture::join);
            assertTrue(pool.refused.get() > 0, "the container did refuse some");
        } finally {
            threads.shutdownNow();
        }
    }
}
